// Pass: the template version of each logical table, decided by scoring every version's
// description on the table's own rows and columns (never by the report's year): the rows it
// reads as that version's rows, and the header columns it finds, less the rows with values
// that it cannot place. A tie (表四 is the same in every version) follows the report: the
// version most of its decided tables follow, else the newest.
#pragma once

#include <string_view>
#include <vector>

#include "passes/logical_table.hpp"

namespace xxgk::passes {

// Sets spec, infos and decided of every logical table that has rows; returns the report's
// version ("" when no table has rows).
std::string_view choose_versions(std::vector<LogicalTable>& tables);

}  // namespace xxgk::passes
