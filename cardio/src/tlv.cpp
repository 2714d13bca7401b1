#include "kakanai/cardio/tlv.hpp"

namespace kakanai::cardio {

const char* tlvErrorName(TlvError error)
{
    switch (error) {
    case TlvError::Truncated:
        return "truncated TLV";
    case TlvError::BadLength:
        return "invalid TLV length";
    case TlvError::BadTag:
        return "invalid TLV tag";
    }
    return "TLV error";
}

Result<TlvHeader, TlvError> parseTlvHeader(ByteView data)
{
    TlvHeader header;
    std::size_t pos = 0;
    if (data.empty()) {
        return fail(TlvError::Truncated);
    }
    std::uint8_t first = data[pos++];
    header.tag = first;
    header.constructed = (first & 0x20) != 0;
    if ((first & 0x1F) == 0x1F) {
        // Multi-byte tag (X.690 §8.1.2.4): continuation bytes have bit 8 set. The card uses
        // the non-minimal FF 10 / FF 20, so a following byte < 0x1F is accepted.
        for (;;) {
            if (pos >= data.size()) {
                return fail(TlvError::Truncated);
            }
            if (pos >= 4) {
                return fail(TlvError::BadTag);
            }
            std::uint8_t b = data[pos++];
            header.tag = header.tag << 8 | b;
            if ((b & 0x80) == 0) {
                break;
            }
        }
    }
    if (pos >= data.size()) {
        return fail(TlvError::Truncated);
    }
    std::uint8_t lengthByte = data[pos++];
    if (lengthByte < 0x80) {
        header.valueLength = lengthByte;
    } else {
        std::size_t count = lengthByte & 0x7F;
        if (count == 0 || count > 3) {
            return fail(TlvError::BadLength); // indefinite form or > 16 MiB: not card data
        }
        if (data.size() - pos < count) {
            return fail(TlvError::Truncated);
        }
        std::size_t length = 0;
        for (std::size_t i = 0; i < count; ++i) {
            length = length << 8 | data[pos++];
        }
        header.valueLength = length;
    }
    header.headerLength = pos;
    return header;
}

Result<Tlv, TlvError> parseTlv(ByteView data)
{
    auto header = parseTlvHeader(data);
    if (!header) {
        return header.failure();
    }
    if (data.size() - header->headerLength < header->valueLength) {
        return fail(TlvError::Truncated);
    }
    return Tlv { *header, data.subspan(header->headerLength, header->valueLength) };
}

Result<std::optional<Tlv>, TlvError> TlvReader::next()
{
    if (m_failed) {
        return fail(TlvError::Truncated);
    }
    if (m_offset >= m_data.size()) {
        return std::optional<Tlv> {};
    }
    auto tlv = parseTlv(m_data.subspan(m_offset));
    if (!tlv) {
        m_failed = true;
        return tlv.failure();
    }
    m_offset += tlv->header.totalLength();
    return std::optional<Tlv> { *tlv };
}

Result<std::optional<Tlv>, TlvError> findChild(ByteView children, std::uint32_t tag)
{
    TlvReader reader(children);
    for (;;) {
        auto item = reader.next();
        if (!item) {
            return item.failure();
        }
        if (!item->has_value() || (*item)->tag() == tag) {
            return item;
        }
    }
}

} // namespace kakanai::cardio
