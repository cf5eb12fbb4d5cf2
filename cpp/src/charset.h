// Internal: ICU's charset converters, opened by name, for the text decoder (decode.cc) and the
// web-page reader (html.cc), which names a page's charset the same way.
#pragma once

#include <unicode/ucnv.h>

#include <memory>
#include <string>

namespace gongwen {

using ConverterPtr = std::unique_ptr<UConverter, decltype(&ucnv_close)>;

// ICU's converter for the charset `name`, or null when ICU does not know the name.
ConverterPtr OpenConverter(const std::string& name);

// The usual name of a converter's charset: MIME's, else IANA's, else ICU's own.
std::string StandardName(UConverter* converter);

}  // namespace gongwen
