// Pass: normalise cell text for matching and reading values.
#pragma once

#include <deque>
#include <string>
#include <string_view>

#include "ast/ast.hpp"
#include "template/matcher.hpp"

namespace xxgk::passes {

// Blanks of every kind and zero-width characters removed; full-width ASCII (（）１．，：) made
// half-width; <br> and markdown emphasis (** __) removed. Labels compare equal across the
// spellings reports use: "（三） 不予 公开" and "(三)不予公开" both give "(三)不予公开".
std::string normalise_text(std::string_view raw);

// normalise_text(raw), as a view: of `raw` itself when normalising changes nothing (most text),
// else of a string added to `store`.
std::string_view normalise_into(std::string_view raw, std::deque<std::string>& store);

// Fill Cell::text, kind, number and hits for every cell of the document, and each row's label
// (passes/map_rows.hpp: read_label).
void normalise(ast::Document& doc, const tmpl::Matcher& matcher);

}  // namespace xxgk::passes
