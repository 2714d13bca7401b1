#include "kakanai/vcard/vpcd_client.hpp"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace kakanai::vcard {

namespace {

class Socket
{
public:
    explicit Socket(int fd)
        : m_fd(fd)
    {
    }
    ~Socket()
    {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    int fd() const { return m_fd; }

private:
    int m_fd;
};

// Reads exactly n bytes, waking every 100 ms to check `stop`. False on EOF, error or stop.
bool readExactly(int fd, std::uint8_t* out, std::size_t n, const std::atomic<bool>& stop)
{
    std::size_t got = 0;
    while (got < n) {
        pollfd p { fd, POLLIN, 0 };
        int ready = ::poll(&p, 1, 100);
        if (stop.load()) {
            return false;
        }
        if (ready < 0 && errno != EINTR) {
            return false;
        }
        if (ready <= 0) {
            continue;
        }
        ssize_t r = ::recv(fd, out + got, n - got, 0);
        if (r <= 0) {
            return false;
        }
        // vpcd writes the length and the APDU in two send() calls; with Nagle on its side
        // the second waits for our ACK, which Linux would delay by up to 40 ms. Ask for
        // immediate ACKs (the kernel clears the flag, so set it after every read).
        int quickAck = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &quickAck, sizeof quickAck);
        got += static_cast<std::size_t>(r);
    }
    return true;
}

bool sendMessage(int fd, ByteView payload)
{
    Bytes frame { static_cast<std::uint8_t>(payload.size() >> 8),
        static_cast<std::uint8_t>(payload.size()) };
    frame.insert(frame.end(), payload.begin(), payload.end());
    std::size_t sent = 0;
    while (sent < frame.size()) {
        ssize_t w = ::send(fd, frame.data() + sent, frame.size() - sent, MSG_NOSIGNAL);
        if (w <= 0) {
            return false;
        }
        sent += static_cast<std::size_t>(w);
    }
    secureZero(frame.data(), frame.size());
    return true;
}

int connectWithRetry(const VpcdOptions& options, const std::atomic<bool>& stop, std::string& error)
{
    auto deadline = std::chrono::steady_clock::now() + options.connectTimeout;
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(options.port));
    if (::inet_pton(AF_INET, options.host.c_str(), &address.sin_addr) != 1) {
        error = "not an IPv4 address: " + options.host;
        return -1;
    }
    // pcscd may not be listening yet (it starts the vpcd driver when it starts): retry.
    while (!stop.load()) {
        int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            error = std::string("socket: ") + std::strerror(errno);
            return -1;
        }
        if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
            int one = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            return fd;
        }
        error = std::string("connect: ") + std::strerror(errno);
        ::close(fd);
        if (std::chrono::steady_clock::now() > deadline) {
            return -1;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    error = "stopped";
    return -1;
}

} // namespace

Result<Ok, std::string> serveVpcd(
    MyNumberCard& card, const VpcdOptions& options, const std::atomic<bool>& stop)
{
    std::string error;
    Socket socket(connectWithRetry(options, stop, error));
    if (socket.fd() < 0) {
        return fail("cannot reach vpcd at " + options.host + ":" + std::to_string(options.port)
            + " (" + error + ")");
    }
    Bytes buffer;
    while (!stop.load() && !card.removed()) {
        std::uint8_t header[2];
        if (!readExactly(socket.fd(), header, 2, stop)) {
            break;
        }
        std::size_t length = static_cast<std::size_t>(header[0] << 8 | header[1]);
        buffer.assign(length, 0);
        if (length > 0 && !readExactly(socket.fd(), buffer.data(), length, stop)) {
            break;
        }
        if (length == 1) {
            switch (buffer[0]) {
            case 0x00: // power off
                break;
            case 0x01: // power on
                card.powerOn();
                break;
            case 0x02: // reset
                card.reset();
                break;
            case 0x04: { // get ATR
                Bytes atr = card.atr();
                if (!sendMessage(socket.fd(), atr)) {
                    return Ok {};
                }
                break;
            }
            default:
                break;
            }
            continue;
        }
        SecureBytes response = card.process(buffer);
        secureZero(buffer.data(), buffer.size());
        if (response.empty()) {
            break; // the removal fault: closing the socket is pulling the card out
        }
        if (!sendMessage(socket.fd(), response.view())) {
            break;
        }
    }
    return Ok {};
}

} // namespace kakanai::vcard
