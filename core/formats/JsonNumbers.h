#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace nad {

// Numbers read from JSON that came from outside (spec files, project files, zoo metadata).
// nlohmann's get<int>() on a floating-point value such as 2e54 is a float-to-integer cast out
// of range, which is undefined behaviour, and get<float>() on 1e300 likewise; these readers
// check the JSON type and the range first and throw DataError naming `what` instead.
class JsonNumbers
{
public:
    // A JSON integer (not 3.0, not "3") within [min, max].
    static std::int64_t integer(const nlohmann::json& value, const std::string& what,
                                std::int64_t min = std::numeric_limits<std::int64_t>::min(),
                                std::int64_t max = std::numeric_limits<std::int64_t>::max());
    static int int32(const nlohmann::json& value, const std::string& what)
    {
        return int(integer(value, what, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
    }
    // `object[key]` read as int32, or `fallback` when the key is absent.
    static int optionalInt32(const nlohmann::json& object, const char* key, int fallback, const std::string& what)
    {
        return object.contains(key) ? int32(object[key], what) : fallback;
    }
    // A JSON integer ≥ 0 that fits 64 unsigned bits (seeds).
    static std::uint64_t unsignedInteger(const nlohmann::json& value, const std::string& what);
    // A finite JSON number (integer or not).
    static double number(const nlohmann::json& value, const std::string& what);
    // A finite JSON number that a float holds.
    static float floatNumber(const nlohmann::json& value, const std::string& what);
    // A JSON array of such numbers.
    static std::vector<float> floats(const nlohmann::json& array, const std::string& what);
};

}  // namespace nad
