#include "cli/options.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string_view>
#include <utility>

#include "parse/layouts.hpp"
#include "xxgk/xxgk.hpp"

namespace xxgk::cli {

namespace {

constexpr std::size_t kNameWidth = 23;  // "  -o, --output FILE    " then the description
constexpr std::size_t kWidth = 100;     // descriptions are wrapped to lines of this many characters

// Characters, not bytes: the help has a few (…, ≥) outside ASCII.
std::size_t width(std::string_view s) {
  const auto starts = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; };  // not a continuation byte
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), starts));
}

// `text` after `first` (the option's name, padded to kNameWidth), wrapped at blanks into lines of
// at most kWidth characters, the next ones indented by kNameWidth.
std::string wrap(std::string_view text, std::string first) {
  std::string out = std::move(first);
  std::size_t at = width(out);
  bool line_empty = true;
  while (!text.empty()) {
    const auto blank = text.find(' ');
    const auto word = text.substr(0, blank);
    text = blank == std::string_view::npos ? std::string_view{} : text.substr(blank + 1);
    if (word.empty()) continue;
    if (!line_empty && at + 1 + width(word) > kWidth) {
      out += '\n';
      out.append(kNameWidth, ' ');
      at = kNameWidth;
      line_empty = true;
    }
    if (!line_empty) {
      out += ' ';
      ++at;
    }
    out += word;
    at += width(word);
    line_empty = false;
  }
  return out + '\n';
}

// "-o, --output FILE", "--format json|text", "FILE..."
std::string option_name(const CLI::Option& o) {
  if (o.get_positional()) return o.get_name(true) + (o.get_items_expected_max() > 1 ? "..." : "");
  std::string names;
  for (const auto& s : o.get_snames()) names += (names.empty() ? "-" : ", -") + s;
  for (const auto& l : o.get_lnames()) names += (names.empty() ? "--" : ", --") + l;
  if (o.get_type_size_max() > 0 && !o.get_type_name().empty()) names += " " + o.get_type_name();
  return names;
}

// One option or command: its name, then its description from column kNameWidth (on the next
// line when the name is too wide).
std::string entry(const std::string& name, const std::string& description) {
  std::string first = "  " + name;
  if (width(first) + 2 > kNameWidth) return first + "\n" + wrap(description, std::string(kNameWidth, ' '));
  first.append(kNameWidth - width(first), ' ');
  return wrap(description, first);
}

// The commands `app` has (defined, given or not).
std::vector<const CLI::App*> commands_of(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App*) { return true; });
}

std::string usage(const CLI::App& app) {
  std::string u = command_path(app);
  const auto options = app.get_options([](const CLI::Option* o) { return o->nonpositional(); });
  const auto positionals = app.get_options([](const CLI::Option* o) { return !o->nonpositional(); });
  if (options.size() > 1) u += " [options]";  // more than --help
  if (!commands_of(app).empty()) u += " <command> ...";
  for (const auto* p : positionals) u += " " + option_name(*p);
  return u;
}

// --help of every command: usage, description, operands, options, commands, footer.
class Help : public CLI::Formatter {
 public:
  std::string make_help(const CLI::App* app, std::string, CLI::AppFormatMode) const override {
    std::string out = "usage: " + usage(*app) + "\n";
    if (!app->get_description().empty()) out += "\n" + app->get_description() + "\n";
    const auto positionals = app->get_options([](const CLI::Option* o) { return !o->nonpositional(); });
    if (!positionals.empty()) {
      out += "\narguments:\n";
      for (const auto* p : positionals) out += entry(option_name(*p), p->get_description());
    }
    out += "\noptions:\n";
    for (const auto* o : app->get_options([](const CLI::Option* o) { return o->nonpositional(); }))
      out += entry(option_name(*o), o->get_description());
    const auto commands = commands_of(*app);
    if (!commands.empty()) {
      out += "\ncommands:\n";
      for (const auto* c : commands) {  // the first line of its description
        const auto d = c->get_description();
        out += entry(c->get_name(), d.substr(0, d.find('\n')));
      }
    }
    if (!app->get_footer().empty()) out += "\n" + app->get_footer() + "\n";
    return out;
  }
};

// The innermost command given: `xxgk debug tree` when parsing `debug` found `tree`.
const CLI::App& innermost(const CLI::App& app) {
  const CLI::App* at = &app;
  while (!at->get_subcommands().empty()) at = at->get_subcommands().front();
  return *at;
}

// The one line a usage error says: CLI11's message, in the words of every command.
std::string message(const CLI::App& at, const CLI::ParseError& e) {
  std::string what = e.what();
  const auto extra = at.remaining();  // the arguments nothing took
  const bool command_missing = dynamic_cast<const CLI::RequiredError*>(&e) && what.starts_with("A subcommand");
  if (dynamic_cast<const CLI::ExtrasError*>(&e) || (command_missing && !extra.empty())) {
    const std::string a = extra.empty() ? what : extra.front();
    if (a.size() > 1 && a[0] == '-') return "unknown option '" + a + "'";
    if (!commands_of(at).empty()) return "unknown command '" + a + "'";
    return "unexpected argument '" + a + "'";
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e)) {
    // "--format: 1 required json|text missing"
    const auto colon = what.find(": 1 required ");
    if (colon != std::string::npos && what.ends_with(" missing")) {
      const auto type_at = colon + std::string_view(": 1 required ").size();
      return what.substr(0, colon) + " needs a value: " + what.substr(type_at, what.size() - type_at - 8);
    }
  }
  if (command_missing) {
    std::string names;
    for (const auto* c : commands_of(at)) names += (names.empty() ? "" : ", ") + c->get_name();
    return "a command is needed: " + names;
  }
  return what;
}

}  // namespace

void configure(CLI::App& app) {
  app.formatter(std::make_shared<Help>());
  app.set_help_flag("-h,--help", "print this help and exit");
  app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
}

std::string command_path(const CLI::App& app) {
  std::string path;
  for (const CLI::App* a = &app; a; a = a->get_parent()) path = a->get_name() + (path.empty() ? "" : " ") + path;
  return path.starts_with("xxgk") ? path : "xxgk " + path;  // a command parsed alone has no parent
}

int parse_command_line(CLI::App& app, std::vector<std::string> args) {
  std::reverse(args.begin(), args.end());  // CLI11 takes them last first
  try {
    app.parse(args);
    return -1;
  } catch (const CLI::CallForHelp&) {
    std::fputs(app.help().c_str(), stdout);
    return 0;
  } catch (const CLI::ParseError& e) {
    const auto& at = innermost(app);
    const auto path = command_path(at);
    std::fprintf(stderr, "%s: %s\n(%s --help shows the %s)\n", path.c_str(), message(at, e).c_str(), path.c_str(),
                 commands_of(at).empty() ? "options" : "commands");
    return 2;
  }
}

CLI::Option* add_choice(CLI::App& app, const std::string& names, std::string& value, std::vector<std::string> choices,
                        const std::string& description, const std::string& value_name) {
  std::string listed, bar;
  for (const auto& c : choices) {
    listed += (listed.empty() ? "" : ", ") + c;
    bar += (bar.empty() ? "" : "|") + c;
  }
  return app.add_option(names, value, description)
      ->type_name(value_name.empty() ? bar : value_name)
      ->check(CLI::Validator(
          [choices, listed](std::string& v) {
            return std::find(choices.begin(), choices.end(), v) != choices.end() ? std::string()
                                                                                 : "unknown value '" + v + "' (" + listed + ")";
          },
          "", "choice"));
}

CLI::Option* add_output(CLI::App& app, std::string& file, const std::string& description) {
  return app.add_option("-o,--output", file, description)
      ->type_name("FILE")
      ->check(CLI::Validator([](std::string& v) { return v.empty() ? std::string("needs a file name") : std::string(); },
                             "", "file"));
}

CLI::Option* add_jobs(CLI::App& app, unsigned& jobs) {
  return app.add_option("-j,--jobs", jobs, "parse on N threads (default: every core)")
      ->type_name("N")
      ->check(CLI::Validator(
          [](std::string& v) {
            char* end = nullptr;
            const long n = v.empty() ? 0 : std::strtol(v.c_str(), &end, 10);
            if (v.empty() || *end != '\0' || n < 1 || n > 1024) return "'" + v + "' is not a number of threads from 1 to 1024";
            return std::string();
          },
          "", "jobs"));
}

void add_layout_and_encoding(CLI::App& app, std::string& layout, std::string& encoding) {
  std::string names;
  for (const auto& l : parse::layouts()) names += (names.empty() ? "" : ", ") + std::string(l.name);
  app.add_option("--layout", layout, "do not detect the text layout: " + names + " (text input)")
      ->type_name("NAME")
      ->check(CLI::Validator(
          [](std::string& v) {
            ParseOptions o;
            o.layout = v;
            return check_options(o);
          },
          "", "layout"));
  app.add_option("--encoding", encoding,
                 "do not detect the encoding: an iconv name, GB18030, GBK, UTF-16LE, ... (text and HTML input)")
      ->type_name("NAME")
      ->check(CLI::Validator(
          [](std::string& v) {
            ParseOptions o;
            o.encoding = v;
            return check_options(o);
          },
          "", "encoding"));
}

CLI::Option* add_colour(CLI::App& app, std::string& when) {
  return add_choice(app, "--color,--colour", when, {"auto", "always", "never"},
                    "colour the diagnostics: auto (default: when stderr is a terminal and NO_COLOR is unset or "
                    "empty), always, never",
                    "WHEN");
}

}  // namespace xxgk::cli
