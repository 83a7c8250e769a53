#pragma once

#include <string>

namespace nad {

// SHA-256 of a file's bytes as 64 lower-case hex digits (OpenSSL's EVP digest). Projects
// record it for every model so a result can be traced to the exact weights.
class Sha256
{
public:
    static std::string ofFile(const std::string& path);
};

}  // namespace nad
