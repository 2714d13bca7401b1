// RAII owners for the OpenSSL objects used by the JPKI code, and the one bounded DER parser
// they all go through. Private to cardio (not installed).
#pragma once

#include <climits>
#include <cstddef>
#include <memory>
#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace kakanai::cardio::ossl {

template <class T, void (*Free)(T*)> struct Deleter
{
    void operator()(T* p) const { Free(p); }
};

using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using StorePtr = std::unique_ptr<X509_STORE, Deleter<X509_STORE, X509_STORE_free>>;
using StoreCtxPtr = std::unique_ptr<X509_STORE_CTX, Deleter<X509_STORE_CTX, X509_STORE_CTX_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using Asn1TimePtr = std::unique_ptr<ASN1_TIME, Deleter<ASN1_TIME, ASN1_TIME_free>>;

// GENERAL_NAMES_free is a macro-generated function with a different linkage name on some
// OpenSSL builds; a wrapper gives the deleter a stable address.
inline void freeGeneralNames(GENERAL_NAMES* names)
{
    GENERAL_NAMES_free(names);
}
using GeneralNamesPtr = std::unique_ptr<GENERAL_NAMES, Deleter<GENERAL_NAMES, freeGeneralNames>>;

/**
 * Parses one DER certificate. d2i_X509 is told the exact input size, so it never reads past
 * it; trailing bytes after the certificate are refused (a card EF holds exactly one).
 */
inline X509Ptr parseDer(const unsigned char* data, std::size_t size)
{
    if (data == nullptr || size == 0 || size > static_cast<std::size_t>(LONG_MAX)) {
        return nullptr;
    }
    const unsigned char* p = data;
    X509Ptr cert(d2i_X509(nullptr, &p, static_cast<long>(size)));
    if (cert && p != data + size) {
        cert.reset();
    }
    if (!cert) {
        ERR_clear_error(); // leave no stale reason for the next OpenSSL user on this thread
    }
    return cert;
}

} // namespace kakanai::cardio::ossl
