// The HMAC-chained audit log (see audit_log.hpp).
#include "audit_log.hpp"

#include "crypto.hpp"

namespace kakanai::queue::detail {

namespace {

void putInt(Bytes& out, std::int64_t value)
{
    for (int shift = 56; shift >= 0; shift -= 8) {
        out.push_back(static_cast<std::uint8_t>(static_cast<std::uint64_t>(value) >> shift));
    }
}

void putText(Bytes& out, const std::string& text)
{
    putInt(out, static_cast<std::int64_t>(text.size()));
    for (char c : text) {
        out.push_back(static_cast<std::uint8_t>(c));
    }
}

Bytes entryMac(ByteView macKey, ByteView previous, std::int64_t seq, std::int64_t atMs,
    const AuditEvent& event)
{
    Bytes message;
    message.reserve(previous.size() + 64 + event.actor.size() + event.action.size()
        + event.recordId.size() + event.detail.size());
    for (auto byte : previous) {
        message.push_back(byte);
    }
    putInt(message, seq);
    putInt(message, atMs);
    putText(message, event.actor);
    putText(message, event.action);
    putText(message, event.recordId);
    putText(message, event.detail);
    return hmacSha256(macKey, message);
}

const Bytes ZERO_MAC(32, 0);

/** An anchor's MAC digits (lowercase, unspaced). */
std::string anchorHex(ByteView mac)
{
    std::string hex = toHex(mac, false);
    for (char& c : hex) {
        c = static_cast<char>(c >= 'A' && c <= 'F' ? c | 0x20 : c);
    }
    return hex;
}

} // namespace

void appendAudit(Db& db, ByteView macKey, std::int64_t atMs, const AuditEvent& event)
{
    db.backend().lockWriters(); // the chain is one sequence: one appender at a time
    std::int64_t seq = 0;
    Bytes previous = ZERO_MAC;
    {
        Stmt head(db, "SELECT seq, mac FROM audit_head WHERE one = 1");
        if (head.step()) {
            seq = head.integer(0);
            previous = head.blob(1);
        }
    }
    ++seq;
    const Bytes mac = entryMac(macKey, previous, seq, atMs, event);
    Stmt insert(db,
        "INSERT INTO audit (seq, at, actor, action, record_id, detail, mac)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, seq).bind(2, atMs).bind(3, event.actor).bind(4, event.action);
    insert.bindOrNull(5, event.recordId).bind(6, event.detail).bindBlob(7, mac).run();
    Stmt update(db,
        "INSERT INTO audit_head (one, seq, mac) VALUES (1, ?, ?)"
        " ON CONFLICT (one) DO UPDATE SET seq = excluded.seq, mac = excluded.mac");
    update.bind(1, seq).bindBlob(2, mac).run();
}

AuditReport verifyAuditChain(Db& db, ByteView macKey, const std::optional<AuditAnchor>& anchor)
{
    AuditReport report;
    auto broken = [&](std::int64_t seq, const std::string& problem) {
        report.ok = false;
        report.firstBadSeq = seq;
        report.problem = "entry " + std::to_string(seq) + ": " + problem;
        return report;
    };
    std::int64_t expected = 1;
    Bytes previous = ZERO_MAC;
    Stmt rows(db, "SELECT seq, at, actor, action, record_id, detail, mac FROM audit ORDER BY seq");
    while (rows.step()) {
        const std::int64_t seq = rows.integer(0);
        if (seq != expected) {
            return broken(expected, "missing (deleted)");
        }
        const AuditEvent event { rows.text(2), rows.text(3), rows.text(4), rows.text(5) };
        const Bytes mac = entryMac(macKey, previous, seq, rows.integer(1), event);
        if (!equalConstantTime(mac, rows.blob(6))) {
            return broken(seq, "MAC mismatch (edited, inserted or reordered)");
        }
        if (anchor && anchor->seq == seq && anchorHex(mac) != anchor->macHex) {
            return broken(seq,
                "differs from the anchor " + formatAuditAnchor(*anchor)
                    + " (the log was rewritten from here on)");
        }
        previous = mac;
        ++expected;
        ++report.entries;
    }
    if (anchor && anchor->seq > report.entries) {
        return broken(report.entries + 1,
            "the log ends at " + std::to_string(report.entries) + " but the anchor "
                + formatAuditAnchor(*anchor) + " is later (entries deleted at the end)");
    }
    report.head = AuditAnchor { report.entries, report.entries > 0 ? anchorHex(previous) : "" };
    Stmt head(db, "SELECT seq, mac FROM audit_head WHERE one = 1");
    const bool hasHead = head.step();
    const std::int64_t headSeq = hasHead ? head.integer(0) : 0;
    if (headSeq != report.entries || (hasHead && !equalConstantTime(head.blob(1), previous))) {
        return broken(report.entries + 1,
            "the log ends at " + std::to_string(report.entries) + " but the head says "
                + std::to_string(headSeq) + " (entries deleted at the end)");
    }
    return report;
}

} // namespace kakanai::queue::detail

namespace kakanai::queue {

std::string formatAuditAnchor(const AuditAnchor& anchor)
{
    return std::to_string(anchor.seq) + ":" + anchor.macHex;
}

std::optional<AuditAnchor> parseAuditAnchor(const std::string& text)
{
    const auto colon = text.find(':');
    if (colon == std::string::npos || colon == 0 || colon > 18 || text.size() - colon - 1 != 64) {
        return std::nullopt;
    }
    AuditAnchor anchor;
    for (std::size_t i = 0; i < colon; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return std::nullopt;
        }
        anchor.seq = anchor.seq * 10 + (text[i] - '0');
    }
    if (anchor.seq <= 0) {
        return std::nullopt;
    }
    for (std::size_t i = colon + 1; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            anchor.macHex += c;
        } else if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
            anchor.macHex += static_cast<char>(c | 0x20);
        } else {
            return std::nullopt;
        }
    }
    return anchor;
}

} // namespace kakanai::queue
