// Internal: the exception that carries a QueueError from deep inside the library to the public
// Store/ChangeWatcher functions, which turn it back into a Result (see guard()).
//
// Errors: guard() converts QueueException to its error, std::bad_alloc and other
// std::exceptions to QueueErrorCode::Database.
#pragma once

#include "kakanai/base/result.hpp"
#include "kakanai/queue/error.hpp"

#include <exception>
#include <new>
#include <string>
#include <utility>

namespace kakanai::queue::detail {

class QueueException : public std::exception
{
public:
    QueueException(QueueErrorCode code, std::string message)
        : m_error { code, std::move(message) }
    {
    }
    const char* what() const noexcept override { return m_error.message.c_str(); }
    const QueueError& error() const { return m_error; }

private:
    QueueError m_error;
};

[[noreturn]] inline void raise(QueueErrorCode code, std::string message)
{
    throw QueueException(code, std::move(message));
}

/** Runs `body` (returning T) and turns exceptions into a failed Result<T, QueueError>. */
template <class F> auto guard(F&& body) -> Result<decltype(body()), QueueError>
{
    try {
        return body();
    } catch (const QueueException& e) {
        return fail(e.error());
    } catch (const std::bad_alloc&) {
        return fail(QueueError { QueueErrorCode::Database, "out of memory" });
    } catch (const std::exception& e) {
        return fail(QueueError { QueueErrorCode::Database, e.what() });
    }
}

} // namespace kakanai::queue::detail
