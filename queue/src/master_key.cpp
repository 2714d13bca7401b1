// The master key file (see master_key.hpp).
#include "kakanai/queue/master_key.hpp"

#include "crypto.hpp"

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kakanai::queue {

namespace {

constexpr std::string_view MAGIC = "KKQKEY1\n";
constexpr std::size_t ID_SIZE = 8;
constexpr std::size_t FILE_SIZE = MAGIC.size() + ID_SIZE + detail::KEY_SIZE;

std::string hexId(ByteView bytes)
{
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (auto byte : bytes) {
        out.push_back(digits[byte >> 4]);
        out.push_back(digits[byte & 15]);
    }
    return out;
}

QueueError keyError(QueueErrorCode code, const std::filesystem::path& path, const char* what)
{
    return QueueError { code, "key file " + path.string() + ": " + what };
}

} // namespace

MasterKey generateMasterKey()
{
    return MasterKey { hexId(detail::randomBytes(ID_SIZE)), detail::randomKey() };
}

Result<MasterKey, QueueError> createMasterKeyFile(const std::filesystem::path& path)
{
    const Bytes id = detail::randomBytes(ID_SIZE);
    MasterKey key { hexId(id), detail::randomKey() };
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        return fail(keyError(QueueErrorCode::Io, path,
            errno == EEXIST ? "already exists (it is never overwritten)" : std::strerror(errno)));
    }
    SecureBytes content;
    content.reserve(FILE_SIZE);
    for (char c : MAGIC) {
        content.push_back(static_cast<std::uint8_t>(c));
    }
    for (auto byte : id) {
        content.push_back(byte);
    }
    for (auto byte : key.key) {
        content.push_back(byte);
    }
    const bool written = ::fchmod(fd, 0600) == 0
        && ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size())
        && ::fsync(fd) == 0;
    ::close(fd);
    if (!written) {
        std::filesystem::remove(path);
        return fail(keyError(QueueErrorCode::Io, path, "cannot be written"));
    }
    return key;
}

Result<MasterKey, QueueError> loadMasterKey(const std::filesystem::path& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        return fail(keyError(errno == ENOENT ? QueueErrorCode::KeyMissing : QueueErrorCode::Io,
            path, errno == ENOENT ? "missing" : std::strerror(errno)));
    }
    struct stat info
    {
    };
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return fail(keyError(QueueErrorCode::KeyInsecure, path, "is not a regular file"));
    }
    if ((info.st_mode & 077) != 0) {
        ::close(fd);
        return fail(keyError(
            QueueErrorCode::KeyInsecure, path, "group or others have access (run: chmod 600)"));
    }
    SecureBytes content(FILE_SIZE + 1);
    const ssize_t size = ::read(fd, content.data(), content.size());
    ::close(fd);
    if (size != static_cast<ssize_t>(FILE_SIZE)
        || std::memcmp(content.data(), MAGIC.data(), MAGIC.size()) != 0) {
        return fail(keyError(QueueErrorCode::KeyInvalid, path, "is not a kakanai master key"));
    }
    MasterKey key;
    key.id = hexId(ByteView(content.data() + MAGIC.size(), ID_SIZE));
    key.key = SecureBytes(ByteView(content.data() + MAGIC.size() + ID_SIZE, detail::KEY_SIZE));
    return key;
}

} // namespace kakanai::queue
