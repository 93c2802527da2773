// Text normalised for matching labels and reading values: one spelling for the many that reports use.
#pragma once

#include <deque>
#include <string>
#include <string_view>


namespace xxgk::text {

// Blanks of every kind and zero-width characters removed; full-width ASCII (（）１．，：) made
// half-width; <br> and markdown emphasis (** __) removed. Labels compare equal across the
// spellings reports use: "（三） 不予 公开" and "(三)不予公开" both give "(三)不予公开".
std::string normalise_text(std::string_view raw);

// normalise_text(raw), as a view: of `raw` itself when normalising changes nothing (most text),
// else of a string added to `store`.
std::string_view normalise_into(std::string_view raw, std::deque<std::string>& store);

// Blanks (ASCII space, tab, form feed, ideographic and no-break space, line ends) trimmed from
// both ends.
std::string_view trim_blanks(std::string_view s);
// Leading markdown '#' marks, and ** or __ emphasis around the text, removed (then trimmed).
std::string_view strip_markdown_marks(std::string_view s);

// The one definition of blank text (a blank cell, a blank line): nothing left once normalised.
bool is_blank(std::string_view raw);

}  // namespace xxgk::text
