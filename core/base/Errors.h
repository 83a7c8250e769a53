#pragma once

#include <stdexcept>
#include <string>

// Typed engine errors. Every message names the file or field at fault and says what is wrong,
// so the CLI can print it as is and the GUI can show it in a dialog.
namespace nad {

class Error : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// A data file or folder that cannot be read as a data set (IDX, ImageFolder, hierarchy JSON).
class DataError : public Error
{
public:
    using Error::Error;
};

// A project file that cannot be created, opened or written.
class ProjectError : public Error
{
public:
    using Error::Error;
};

// A value given by the user (option, hyperparameter, concept name) that is out of range.
class InvalidArgument : public Error
{
public:
    using Error::Error;
};

}  // namespace nad
