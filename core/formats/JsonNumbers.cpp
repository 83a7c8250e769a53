#include "JsonNumbers.h"

#include "Errors.h"

#include <cmath>

namespace nad {

std::int64_t JsonNumbers::integer(const nlohmann::json& value, const std::string& what, std::int64_t min,
                                  std::int64_t max)
{
    if (!value.is_number_integer())
        throw DataError(what + " must be an integer, not " + value.dump());
    if (value.is_number_unsigned() &&
        value.get<std::uint64_t>() > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
        throw DataError(what + " is out of range: " + value.dump());
    const std::int64_t n = value.get<std::int64_t>();
    if (n < min || n > max)
        throw DataError(what + " is out of range (" + std::to_string(min) + " to " + std::to_string(max) +
                        "): " + value.dump());
    return n;
}

std::uint64_t JsonNumbers::unsignedInteger(const nlohmann::json& value, const std::string& what)
{
    if (!value.is_number_integer())
        throw DataError(what + " must be an integer, not " + value.dump());
    if (!value.is_number_unsigned() && value.get<std::int64_t>() < 0)
        throw DataError(what + " must not be negative: " + value.dump());
    return value.get<std::uint64_t>();
}

double JsonNumbers::number(const nlohmann::json& value, const std::string& what)
{
    if (!value.is_number())
        throw DataError(what + " must be a number, not " + value.dump());
    const double x = value.get<double>();
    if (!std::isfinite(x))
        throw DataError(what + " must be finite: " + value.dump());
    return x;
}

float JsonNumbers::floatNumber(const nlohmann::json& value, const std::string& what)
{
    const double x = number(value, what);
    if (std::abs(x) > double(std::numeric_limits<float>::max()))
        throw DataError(what + " is out of range for a 32-bit float: " + value.dump());
    return float(x);
}

std::vector<float> JsonNumbers::floats(const nlohmann::json& array, const std::string& what)
{
    if (!array.is_array())
        throw DataError(what + " must be an array of numbers, not " + array.dump());
    std::vector<float> result;
    for (const auto& v : array)
        result.push_back(floatNumber(v, what));
    return result;
}

}  // namespace nad
