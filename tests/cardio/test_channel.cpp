// ApduChannel and readTlvFile against a scripted transport: exact bytes on the wire.
#include "kakanai/cardio/file_reader.hpp"
#include "kakanai/cardio/transport.hpp"

#include <deque>
#include <gtest/gtest.h>

using namespace kakanai;
using namespace kakanai::cardio;

namespace {

Bytes hex(const std::string& text)
{
    Bytes out;
    EXPECT_TRUE(parseHex(text, out)) << text;
    return out;
}

/** Replays (expected command, response) pairs; a mismatch fails the test. */
class ScriptedTransport : public Transport
{
public:
    void expect(const std::string& command, const std::string& response)
    {
        m_script.push_back({ hex(command), hex(response) });
    }
    Result<SecureBytes, CardError> exchange(ByteView command) override
    {
        if (m_script.empty()) {
            ADD_FAILURE() << "unexpected command " << toHex(command);
            return fail(CardError::make(CardErrorCode::CommunicationFailed, "script ended"));
        }
        auto [expected, response] = m_script.front();
        m_script.pop_front();
        EXPECT_EQ(toHex(command), toHex(expected));
        if (response.empty()) {
            return fail(CardError::make(CardErrorCode::CardRemoved, "scripted removal"));
        }
        return SecureBytes(ByteView(response));
    }
    Bytes atr() const override { return {}; }
    bool done() const { return m_script.empty(); }

private:
    std::deque<std::pair<Bytes, Bytes>> m_script;
};

std::string filler(std::size_t n, const char* byte = "41")
{
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out += std::string(" ") + byte;
    }
    return out;
}

} // namespace

TEST(Channel, GetResponseIsFollowed)
{
    ScriptedTransport t;
    t.expect("00 B0 00 00 00", "61 03");
    t.expect("00 C0 00 00 03", "01 02 03 90 00");
    ApduChannel channel(t);
    auto r = channel.transmit(CommandApdu::readBinary(0, 256));
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->isOk());
    EXPECT_EQ(toHex(r->data().view()), "01 02 03");
    EXPECT_EQ(channel.exchangeCount(), 2u);
    EXPECT_TRUE(t.done());
}

TEST(Channel, WrongLeIsCorrected)
{
    ScriptedTransport t;
    t.expect("00 B0 00 00 20", "6C 11");
    t.expect("00 B0 00 00 11", "AA 90 00");
    ApduChannel channel(t);
    auto r = channel.transmit(CommandApdu::readBinary(0, 32));
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->isOk());
    EXPECT_TRUE(t.done());
}

TEST(Channel, EndlessGetResponseIsAnError)
{
    ScriptedTransport t;
    for (int i = 0; i < 40; ++i) {
        t.expect(i == 0 ? "00 B0 00 00 00" : "00 C0 00 00 01", "61 01");
    }
    ApduChannel channel(t);
    auto r = channel.transmit(CommandApdu::readBinary(0, 256));
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, CardErrorCode::CommunicationFailed);
}

TEST(FileReader, HeaderComesWithTheFirstChunk)
{
    // A 300-byte file: the first READ (Le 00) returns 256 bytes including the header, the
    // second asks for exactly the 44 bytes that remain. No separate header read.
    ScriptedTransport t;
    std::string first = "FF 20 82 01 27" + filler(251);
    t.expect("00 B0 00 00 00", first + " 90 00");
    t.expect("00 B0 01 00 2C", filler(44) + " 90 00");
    ApduChannel channel(t);
    auto file = readTlvFile(channel, {});
    ASSERT_TRUE(file) << describe(file.error());
    EXPECT_EQ(file->size(), 300u);
    EXPECT_EQ(channel.exchangeCount(), 2u);
}

TEST(FileReader, ExtendedFallsBackOnWrongLength)
{
    ScriptedTransport t;
    t.expect("00 B0 00 00 00 00 00", "67 00");
    t.expect("00 B0 00 00 00", "30 03 01 02 03 90 00");
    ApduChannel channel(t);
    bool fellBack = false;
    ReadOptions options;
    options.extendedLength = true;
    auto file = readTlvFile(channel, options, &fellBack);
    ASSERT_TRUE(file);
    EXPECT_TRUE(fellBack);
    EXPECT_EQ(file->size(), 5u);
}

TEST(FileReader, TruncatedFileStopsInsteadOfLooping)
{
    ScriptedTransport t;
    t.expect("00 B0 00 00 00", "FF 20 82 01 27" + filler(251) + " 90 00");
    t.expect("00 B0 01 00 2C", "90 00"); // no data: the file is shorter than its header says
    ApduChannel channel(t);
    auto file = readTlvFile(channel, {});
    ASSERT_FALSE(file);
    EXPECT_EQ(file.error().code, CardErrorCode::MalformedData);
}

TEST(FileReader, StatusWordsBecomeTypedErrors)
{
    ScriptedTransport t;
    t.expect("00 B0 00 00 00", "69 82");
    ApduChannel channel(t);
    auto file = readTlvFile(channel, {});
    ASSERT_FALSE(file);
    EXPECT_EQ(file.error().code, CardErrorCode::SecurityStatusNotSatisfied);
    EXPECT_EQ(file.error().statusWord, 0x6982);
}

TEST(FileReader, RemovalMidFileIsReported)
{
    ScriptedTransport t;
    t.expect("00 B0 00 00 00", "FF 20 82 01 27" + filler(251) + " 90 00");
    t.expect("00 B0 01 00 2C", "");
    ApduChannel channel(t);
    auto file = readTlvFile(channel, {});
    ASSERT_FALSE(file);
    EXPECT_EQ(file.error().code, CardErrorCode::CardRemoved);
}
