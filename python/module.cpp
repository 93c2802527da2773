// The Python module: `import xxgk; rec = xxgk.parse("report.pdf")` (docs/library.md).
// A record comes back as the canonical JSON record (docs/schema.md) read into Python data, so
// that Python sees exactly what `xxgk parse` prints.
#include <pybind11/pybind11.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>

#include "xxgk/xxgk.hpp"

namespace py = pybind11;

namespace {

xxgk::ParseOptions options(const std::string& layout, const std::string& encoding, bool positions) {
  xxgk::ParseOptions o;
  o.layout = layout;
  o.encoding = encoding;
  o.positions = positions;
  if (auto wrong = xxgk::check_options(o); !wrong.empty()) throw py::value_error(wrong);
  return o;
}

// The record as Python data; a report xxgk cannot read raises NotAReportError with its diagnostics.
py::object to_python(const xxgk::ParseResult& result, bool positions, bool strict) {
  if (result.status == xxgk::Status::rejected) {
    static const py::object error = py::module_::import("xxgk").attr("NotAReportError");
    PyErr_SetString(error.ptr(), xxgk::render_diagnostics(result.record, result.text).c_str());
    throw py::error_already_set();
  }
  if (strict && result.status == xxgk::Status::failed) {
    static const py::object error = py::module_::import("xxgk").attr("ReportError");
    PyErr_SetString(error.ptr(), xxgk::render_diagnostics(result.record, result.text).c_str());
    throw py::error_already_set();
  }
  const std::string json = xxgk::to_json(result.record, false, positions);
  return py::module_::import("json").attr("loads")(py::str(json));
}

}  // namespace

PYBIND11_MODULE(xxgk, m) {
  m.doc() = "xxgk: Chinese government information-disclosure annual reports as canonical records";
  m.attr("__version__") = XXGK_VERSION;
  const py::object base = py::reinterpret_steal<py::object>(PyErr_NewException("xxgk.Error", PyExc_Exception, nullptr));
  m.attr("Error") = base;
  m.attr("NotAReportError") =
      py::reinterpret_steal<py::object>(PyErr_NewException("xxgk.NotAReportError", base.ptr(), nullptr));
  m.attr("ReportError") = py::reinterpret_steal<py::object>(PyErr_NewException("xxgk.ReportError", base.ptr(), nullptr));

  m.def(
      "parse",
      [](const std::string& path, const std::string& layout, const std::string& encoding, bool positions, bool strict) {
        const auto opts = options(layout, encoding, positions);
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec)) {
          const int err = std::filesystem::exists(path, ec) ? EISDIR : ENOENT;
          PyErr_SetObject(err == ENOENT ? PyExc_FileNotFoundError : PyExc_IsADirectoryError,
                          py::make_tuple(err, std::strerror(err), path).ptr());
          throw py::error_already_set();
        }
        xxgk::ParseResult result;
        {
          py::gil_scoped_release unlocked;  // other Python threads run while a report is parsed
          result = xxgk::parse_file(path, opts);
        }
        return to_python(result, positions, strict);
      },
      py::arg("path"), py::kw_only(), py::arg("layout") = "", py::arg("encoding") = "", py::arg("positions") = false,
      py::arg("strict") = false,
      "Parse a report file (PDF, Word .docx, HTML page or text) into its record, a dict as `xxgk parse` prints it.\n"
      "layout/encoding force a text layout or an input encoding; positions adds where each value was read;\n"
      "strict raises ReportError when a check fails or an error is diagnosed (the record's status 1).\n"
      "Raises FileNotFoundError, NotAReportError (not a report, or a format xxgk does not read),\n"
      "ValueError (an unknown layout or encoding).");
  m.def(
      "parse_bytes",
      [](const py::bytes& data, const std::string& name, const std::string& layout, const std::string& encoding,
         bool positions, bool strict) {
        const auto opts = options(layout, encoding, positions);
        std::string bytes = data;
        xxgk::ParseResult result;
        {
          py::gil_scoped_release unlocked;
          result = xxgk::parse_bytes(std::move(bytes), name, opts);
        }
        return to_python(result, positions, strict);
      },
      py::arg("data"), py::kw_only(), py::arg("name") = "<bytes>", py::arg("layout") = "", py::arg("encoding") = "",
      py::arg("positions") = false, py::arg("strict") = false,
      "Parse a report already in memory; name is what the record and the diagnostics call it.");
}
