// The template as data (src/template/): the versions' tables, rows and columns, the record shape
// derived from them, the matcher, numbering, and the record addressed by the description.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "template/template.hpp"
#include "xxgk/xxgk.hpp"

using namespace xxgk;

namespace {

const tmpl::TemplateSpec& version(std::string_view v) {
  const auto* spec = tmpl::find_version(v);
  REQUIRE(spec != nullptr);
  return *spec;
}

const tmpl::TableSpec& table(std::string_view v, int index) { return version(v).tables[static_cast<std::size_t>(index)]; }

constexpr int kActive = 0, kApplications = 1, kReview = 2;

template <typename Rows>
std::vector<std::string_view> keys(const Rows& rows) {
  std::vector<std::string_view> k;
  for (const auto& r : rows) k.push_back(r.key);
  return k;
}

std::vector<std::string_view> column_keys(const TemplateRow& row) {
  std::vector<std::string_view> k;
  for (const auto& c : row.columns) k.push_back(c.key);
  return k;
}

using Keys = std::vector<std::string_view>;

const Keys kApplicationRows2021 = {
    "new_received",          "carried_over",
    "granted",               "partially_granted",
    "denied_state_secret",   "denied_prohibited_by_law",
    "denied_security_stability", "denied_third_party",
    "denied_internal_affairs", "denied_process_information",
    "denied_enforcement_files", "denied_administrative_query",
    "unable_not_held",       "unable_needs_creation",
    "unable_unclear",        "rejected_petition",
    "rejected_duplicate",    "rejected_publication",
    "rejected_excessive",    "rejected_confirmation",
    "other_no_correction",   "other_fee_unpaid",
    "other_other",           "total_processed",
    "carried_forward"};

const Keys kApplicants = {"natural_person", "commercial", "research", "social_welfare", "legal_services", "other", "total"};

}  // namespace

TEST_CASE("template: the versions, newest first, and the same tables in each") {
  auto all = tmpl::versions();
  REQUIRE(all.size() == 2);
  CHECK(all[0]->version == "2021");
  CHECK(all[1]->version == "2019");
  CHECK(tmpl::find_version("2018") == nullptr);
  CHECK(find_template("2019") == &version("2019").record);
  CHECK(templates().front() == &version("2021").record);
  for (const auto* v : all) {
    CAPTURE(v->version);
    REQUIRE(v->tables.size() == 3);
    CHECK(keys(v->tables) == Keys{"active_disclosure", "applications", "review_litigation"});
    for (int i = 0; i < 3; ++i) {
      const auto& t = v->tables[static_cast<std::size_t>(i)];
      CHECK(t.index == i);
      CHECK(t.version == v->version);
      CHECK(t.section == i + 2);
      CHECK(t.record == &v->record.tables[static_cast<std::size_t>(i)]);
      CHECK(t.matcher == &tmpl::matcher());
      CHECK(t.slots.size() == t.rows.size());
    }
  }
}

TEST_CASE("template: 2021 表三 has the 25 record rows in order") {
  const auto& t3 = table("2021", kApplications);
  CHECK(keys(t3.rows) == kApplicationRows2021);
  const auto& shape = *t3.record;
  CHECK(keys(shape.rows) == kApplicationRows2021);
  for (const auto& row : shape.rows) {
    CAPTURE(row.key);
    CHECK(column_keys(row) == kApplicants);  // 小计 is read and checked, not stored
  }
  CHECK(shape.size == 25 * 7);
  CHECK(shape.rows[2].first == 14);
  CHECK(t3.rows[20].group == "other");
}

TEST_CASE("template: 2019 表三 has 26 record rows: （六）其他处理 after rejected_confirmation, the 2021 sub-rows kept") {
  const auto& t3 = table("2019", kApplications);
  Keys expected = kApplicationRows2021;
  expected.insert(expected.begin() + 20, "other_handling");
  CHECK(keys(t3.rows) == expected);
  CHECK(keys(t3.record->rows) == expected);
  CHECK(t3.record->size == 26 * 7);
  // The sub-rows are in the record only: no label of the 2019 template names them.
  for (auto key : {"other_no_correction", "other_fee_unpaid", "other_other"}) {
    CAPTURE(key);
    const int r = t3.row_index(key);
    REQUIRE(r >= 0);
    CHECK(t3.rows[static_cast<std::size_t>(r)].patterns.empty());
  }
  CHECK(!t3.rows[static_cast<std::size_t>(t3.row_index("other_handling"))].patterns.empty());
}

TEST_CASE("template: 2019 表二's rows and columns") {
  const auto& t2 = table("2019", kActive);
  const auto& shape = *t2.record;
  CHECK(keys(shape.rows) ==
        Keys{"rules", "normative_documents", "licensing", "other_services", "penalty", "coercion", "fees", "procurement"});
  const Keys docs = {"made", "published", "total_published"}, items = {"previous_year", "change", "decisions"};
  for (const auto& row : shape.rows) {
    CAPTURE(row.key);
    if (row.key == "rules" || row.key == "normative_documents") CHECK(column_keys(row) == docs);
    else if (row.key == "fees") CHECK(column_keys(row) == Keys{"previous_year", "change"});
    else if (row.key == "procurement") CHECK(column_keys(row) == Keys{"items", "amount"});
    else CHECK(column_keys(row) == items);
  }
  CHECK(t2.column("change")->kind == ValueKind::signed_count);
  CHECK(t2.column("amount")->kind == ValueKind::amount);
  // 2021 表二, for comparison: other rows, other columns.
  const auto& shape2021 = *table("2021", kActive).record;
  CHECK(keys(shape2021.rows) == Keys{"rules", "normative_documents", "licensing", "penalty", "coercion", "fees"});
  CHECK(column_keys(shape2021.rows[0]) == Keys{"issued", "repealed", "in_force"});
  CHECK(column_keys(shape2021.rows[5]) == Keys{"amount"});
  CHECK(shape2021.rows[5].columns[0].unit == "万元");
}

TEST_CASE("template: 表四's record rows are the three groups, five columns each") {
  for (auto v : {"2021", "2019"}) {
    CAPTURE(v);
    const auto& t4 = table(v, kReview);
    REQUIRE(t4.rows.size() == 1);  // one row of fifteen values in the report
    CHECK(t4.rows[0].columns.size() == 15);
    CHECK(t4.unlabeled_row == "counts");
    const auto& shape = *t4.record;
    CHECK(keys(shape.rows) == Keys{"review", "litigation_direct", "litigation_after_review"});
    for (const auto& row : shape.rows) {
      CAPTURE(row.key);
      CHECK(column_keys(row) == Keys{"upheld", "corrected", "other", "pending", "total"});
    }
    CHECK(shape.rows[1].label == "行政诉讼(未经复议直接起诉)");
    CHECK(shape.size == 15);
  }
}

TEST_CASE("template: slot() gives the record's value index of a row's column") {
  const auto& t3 = table("2021", kApplications);
  CHECK(t3.slot(2, "research") == 2 * 7 + 2);
  CHECK(t3.slot(2, "legal_subtotal") == -1);
  const auto& t4 = table("2021", kReview);
  CHECK(t4.slot(0, "review.upheld") == 0);
  CHECK(t4.slot(0, "litigation_direct.pending") == 5 + 3);
  CHECK(t4.slot(0, "litigation_after_review.total") == 14);
  const auto& t2 = table("2021", kActive);
  CHECK(t2.slot(1, "repealed") == 4);
  CHECK(t2.slot(5, "amount") == 9);
  CHECK(t2.row_index("fees") == 5);
  CHECK(t2.row_index("procurement") == -1);
  CHECK(t2.column("made") == nullptr);
  // 2019 表三's (七)总计 comes one row later.
  const auto& t3_2019 = table("2019", kApplications);
  CHECK(t3_2019.slot(t3_2019.row_index("total_processed"), "total") == 24 * 7 + 6);
  CHECK(t3_2019.record_source.size() == 26);
}

TEST_CASE("record: init_tables, find and for_each_cell follow the record's template") {
  Record r;
  init_tables(r, "2019");
  REQUIRE(r.tables.size() == 3);
  CHECK(r.tables[1].version == "2019");
  CHECK(r.tables[1].values.size() == 26 * 7);
  Value* v = r.find("applications", "other_handling", "total");
  REQUIRE(v != nullptr);
  CHECK(!v->has_value());
  *v = Decimal{3, 0};
  CHECK(r.tables[1].values[20 * 7 + 6] == Decimal{3, 0});
  CHECK(r.find("active_disclosure", "procurement", "amount") == &r.tables[0].values.back());
  CHECK(r.find("active_disclosure", "rules", "issued") == nullptr);  // a 2021 column
  CHECK(r.find("applications", "new_received", "legal_subtotal") == nullptr);
  CHECK(r.find("nothing", "new_received", "total") == nullptr);
  CHECK(&table_shape(r, 1) == &find_template("2019")->tables[1]);

  Record r2021;
  init_tables(r2021);  // the newest
  CHECK(r2021.tables[1].version == "2021");
  CHECK(r2021.find("applications", "other_handling", "total") == nullptr);
  CHECK(r2021.find("active_disclosure", "fees", "amount") == &r2021.tables[0].values[9]);
  CHECK(r2021.find("review_litigation", "litigation_direct", "pending") == &r2021.tables[2].values[8]);

  int cells = 0, set = 0;
  for_each_cell(r, [&](std::string_view t, std::string_view row, std::string_view col, const Value& value) {
    ++cells;
    if (value) {
      ++set;
      CHECK(t == "applications");
      CHECK(row == "other_handling");
      CHECK(col == "total");
    }
  });
  CHECK(cells == (6 * 3 + 2 + 2) + 26 * 7 + 15);  // 表二: six rows of three, fees and procurement two each
  CHECK(set == 1);
}

TEST_CASE("template: the matcher finds every fragment that occurs in a text, short ones too") {
  tmpl::Matcher m;
  const int a = m.add("不予公开"), b = m.add("公开"), c = m.add("("), d = m.add("ab"), e = m.add("开x");
  CHECK(m.add("公开") == b);
  CHECK(m.size() == 5);
  auto found = [&](std::string_view text) {
    auto hits = m.scan(text);
    std::vector<int> ids;
    for (int id : {a, b, c, d, e})
      if (hits.test(static_cast<std::size_t>(id))) ids.push_back(id);
    return ids;
  };
  CHECK(found("(三)不予公开") == std::vector<int>{a, b, c});
  CHECK(found("予以公开x ab") == std::vector<int>{b, d, e});
  CHECK(found("公").empty());
  CHECK(found("").empty());
  CHECK(found("a").empty());
}

TEST_CASE("template: numbering is stripped before an exact match") {
  CHECK(tmpl::strip_numbering("(三)不予公开") == "不予公开");
  CHECK(tmpl::strip_numbering("(六)1.申请人") == "申请人");
  CHECK(tmpl::strip_numbering("3.其他") == "其他");
  CHECK(tmpl::strip_numbering("3、其他") == "其他");
  CHECK(tmpl::strip_numbering("四、结转") == "结转");
  CHECK(tmpl::strip_numbering("其他") == "其他");
  CHECK(tmpl::strip_numbering("38件") == "38件");
  const auto& other = *table("2021", kApplications).column("other");  // 其他, an exact label
  auto match = [&](std::string_view t) { return tmpl::matches_any(tmpl::matcher().scan(t), t, other.patterns); };
  CHECK(match("3.其他"));
  CHECK(match("其他"));
  CHECK(match("其它"));
  CHECK(!match("法人或其他组织"));
  CHECK(!match("其他结果"));
}

TEST_CASE("template: a column key's leaf and group") {
  CHECK(tmpl::leaf_of("review.upheld") == "upheld");
  CHECK(tmpl::group_of("review.upheld") == "review");
  CHECK(tmpl::leaf_of("natural_person") == "natural_person");
  CHECK(tmpl::group_of("natural_person").empty());
}

TEST_CASE("template: the identities are data") {
  const auto& t3 = table("2021", kApplications);
  Keys rules;
  for (const auto& id : t3.identities) rules.push_back(id.rule);
  CHECK(rules == Keys{"applications.balance", "applications.outcomes", "applications.row_total", "applications.subtotal",
                      "applications.legal_subtotal"});
  // The outcomes are the labelled rows between 予以公开 and 总计: the 2021 sub-rows, or 2019's one row.
  const auto& outcomes = t3.identities[1].rhs;
  CHECK(outcomes.front() == "granted");
  CHECK(outcomes.back() == "other_other");
  CHECK(outcomes.size() == 21);
  const auto& outcomes2019 = table("2019", kApplications).identities[1].rhs;
  CHECK(outcomes2019.back() == "other_handling");
  CHECK(outcomes2019.size() == 19);
  CHECK(table("2021", kActive).identities.empty());
  REQUIRE(table("2021", kReview).identities.size() == 1);
  CHECK(table("2021", kReview).identities[0].over == tmpl::Identity::Over::rows);
}
