// Store: export of decided records for the core resident-records system (JSON Lines or CSV).
// The output is built in a zeroing buffer and written only after the commit that marks the
// records exported and audits each one.
#include "kakanai/queue/json_fields.hpp"
#include "store_impl.hpp"

namespace kakanai::queue {

using namespace detail;

namespace {

void appendCsvField(SecureString& out, std::string_view value)
{
    out.push_back('"');
    for (char c : value) {
        if (c == '"') {
            out.push_back('"');
        }
        out.push_back(c);
    }
    out.push_back('"');
}

} // namespace

Result<std::size_t, QueueError> Store::exportRecords(
    const StaffSession& staff, std::int64_t sinceMs, ExportFormat format, std::ostream& out)
{
    return guard([&] {
        Impl& s = *m_impl;
        requireRole(staff, { Role::Supervisor }, "export records");
        s.requireKey();
        const int offset = s.options.utcOffsetMinutes;
        SecureString buffer;
        buffer.reserve(4096);
        if (format == ExportFormat::Csv) {
            buffer += "id,ticket,template_id,template_version,procedure,language,kiosk,status,"
                      "submitted_at,decided_at,decided_by,my_number,form\r\n";
        }
        Tx tx(s.db);
        std::vector<RecordInfo> records;
        {
            Stmt rows(s.db,
                (std::string("SELECT ") + RECORD_COLUMNS
                    + " FROM records WHERE status IN ('approved', 'printed', 'exported')"
                      " AND decided_at >= ? ORDER BY decided_at, id")
                    .c_str());
            rows.bind(1, sinceMs);
            while (rows.step()) {
                records.push_back(rowToInfo(rows));
            }
        }
        for (const RecordInfo& r : records) {
            const SecureBytes key = s.dataKey(r.id);
            Stmt row(s.db, "SELECT payload, my_number FROM records WHERE id = ?");
            row.bind(1, r.id);
            row.step();
            const SecureBytes payload
                = s.decrypt(key, row.secureBlob(0), recordAad("payload", r.id));
            SecureBytes myNumber;
            if (!row.isNull(1)) {
                myNumber = s.decrypt(key, row.secureBlob(1), recordAad("my_number", r.id));
            }
            const std::string submitted = formatLocalTime(r.submittedAtMs, offset);
            const std::string decided = formatLocalTime(r.decidedAtMs.value_or(0), offset);
            if (format == ExportFormat::Jsonl) {
                buffer += "{\"id\":" + jsonQuote(r.id) + ",\"ticket\":" + jsonQuote(r.ticket)
                    + ",\"template_id\":" + jsonQuote(r.templateId) + ",\"template_version\":"
                    + std::to_string(r.templateVersion) + ",\"procedure\":" + jsonQuote(r.procedure)
                    + ",\"language\":" + jsonQuote(r.language) + ",\"kiosk\":"
                    + jsonQuote(r.kioskId) + ",\"submitted_at\":" + jsonQuote(submitted)
                    + ",\"decided_at\":" + jsonQuote(decided)
                    + ",\"decided_by\":" + jsonQuote(r.decidedBy) + ",\"my_number\":";
                if (r.hasMyNumber) {
                    buffer += '"';
                    buffer += asText(myNumber.view()); // 12 digits: nothing to escape
                    buffer += '"';
                } else {
                    buffer += "null";
                }
                buffer += ",\"form\":";
                buffer += asText(payload.view()); // checked to be a JSON object at submission
                buffer += "}\n";
            } else {
                for (const std::string& field : { r.id, r.ticket, r.templateId,
                         std::to_string(r.templateVersion), r.procedure, r.language, r.kioskId,
                         std::string(statusName(r.status)), submitted, decided, r.decidedBy }) {
                    appendCsvField(buffer, field);
                    buffer += ',';
                }
                appendCsvField(buffer, asText(myNumber.view()));
                buffer += ',';
                appendCsvField(buffer, asText(payload.view()));
                buffer += "\r\n";
            }
            Stmt mark(s.db,
                "UPDATE records SET status = 'exported', finished_at = COALESCE(finished_at, ?1),"
                " updated_at = ?1 WHERE id = ?2 AND status IN ('approved', 'printed')");
            mark.bind(1, s.now()).bind(2, r.id).run();
            s.audit(staff.userId(), "export", r.id,
                std::string(format == ExportFormat::Jsonl ? "jsonl" : "csv")
                    + (r.hasMyNumber ? ", with my_number" : ""));
        }
        tx.commit();
        out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        out.flush();
        return records.size();
    });
}

} // namespace kakanai::queue
