// Result<T, E>: the value-or-error type for expected failures that cross module boundaries
// (wrong PIN, card removed, invalid field). std::expected arrives only in C++23.
//
// Errors: accessing value() of a failed Result, or error() of a successful one, is a bug and
// throws std::logic_error.
#pragma once

#include <stdexcept>
#include <type_traits>
#include <utility>
#include <variant>

namespace kakanai {

/** Wraps an error so that Result<T, E> can be built from it even when T and E are alike. */
template <class E> struct Failure
{
    E error;
};

/** Makes a Failure; `return fail(CardError{...});` converts to any Result<T, CardError>. */
template <class E> Failure<std::decay_t<E>> fail(E&& error)
{
    return Failure<std::decay_t<E>> { std::forward<E>(error) };
}

/** Marker value for Result<Ok, E> when success carries nothing. */
struct Ok
{
};

template <class T, class E> class [[nodiscard]] Result
{
public:
    using value_type = T;
    using error_type = E;

    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    {
    }
    template <class F>
    requires std::is_constructible_v<E, F> Result(Failure<F> failure)
        : m_state(std::in_place_index<1>, E(std::move(failure.error)))
    {
    }

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() &
    {
        requireValue();
        return std::get<0>(m_state);
    }
    const T& value() const&
    {
        requireValue();
        return std::get<0>(m_state);
    }
    T&& value() &&
    {
        requireValue();
        return std::get<0>(std::move(m_state));
    }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    const E& error() const
    {
        if (ok()) {
            throw std::logic_error("Result::error() called on a success");
        }
        return std::get<1>(m_state);
    }

    /** The error as a Failure, to pass it on from a function returning another Result type. */
    Failure<E> failure() const { return Failure<E> { error() }; }

private:
    void requireValue() const
    {
        if (!ok()) {
            throw std::logic_error("Result::value() called on a failure");
        }
    }

    std::variant<T, E> m_state;
};

} // namespace kakanai
