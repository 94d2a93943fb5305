// Codecs, error handlers and codec name lookup (src/python/runtime/codecs.h)
// against CPython 3.11: data/codecs_expect.txt, written by
// data/gen_codecs_expect.py, holds python3.11's results for every codec and
// handler on a table of inputs.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "python/runtime/codecs.h"
#include "python/runtime/unicode_props.h"
#include "runtime_text_test_data.h"

namespace rt = pyrite::python::runtime;

namespace {

using namespace pyrite::test::text;

const std::vector<std::vector<std::string>>& rows() {
  static const auto r = load_rows("codecs_expect.txt");
  return r;
}

rt::Codec codec(const std::string& name) {
  auto c = rt::lookup_codec(std::string_view(name));
  EXPECT_TRUE(c.has_value()) << name;
  return c.value_or(rt::Codec::kUtf8);
}

rt::ErrorHandler handler(const std::string& name) {
  auto h = rt::lookup_error_handler(name);
  EXPECT_TRUE(h.has_value()) << name;
  return h.value_or(rt::ErrorHandler::kStrict);
}

// The failure part of a row (after the input) as the test renders ours.
std::string render_failure(rt::CodecStatus status, const rt::CodecError& e, bool with_message,
                           const std::string& message, const std::string& name = "") {
  if (status == rt::CodecStatus::kTypeError) {
    std::u32string wide(name.begin(), name.end());
    if (rt::is_fast_path_codec_name(wide)) return std::string("TE\t") + e.reason;
    return "TE\t" + rt::codec_failed_message(true, wide, "TypeError", e.reason);
  }
  std::string r = "UE\t" + std::to_string(e.start) + "\t" + std::to_string(e.end) + "\t" +
                  e.encoding + "\t" + e.reason;
  if (with_message) r += "\t" + message;
  return r;
}

std::string join_from(const std::vector<std::string>& f, size_t i) {
  std::string out;
  for (; i < f.size(); ++i) out += (out.empty() ? "" : "\t") + f[i];
  return out;
}

}  // namespace

TEST(RuntimeTextCodecs, TableIsThere) { ASSERT_GT(rows().size(), 5000u); }

TEST(RuntimeTextCodecs, EncodeMatchesCPython) {
  int checked = 0;
  for (const auto& f : rows()) {
    if (f[0] != "E") continue;
    std::u32string in = text_of(f[3]);
    rt::EncodeResult r = rt::encode(codec(f[1]), in, handler(f[2]));
    std::string got = r.status == rt::CodecStatus::kOk
                          ? "OK\t" + hex_bytes(r.bytes)
                          : render_failure(r.status, r.error, f[2] == "strict",
                                           rt::encode_error_message(r.error, in));
    EXPECT_EQ(got, join_from(f, 4)) << f[1] << " " << f[2] << " " << f[3];
    ++checked;
  }
  EXPECT_GT(checked, 2000);
}

TEST(RuntimeTextCodecs, DecodeMatchesCPython) {
  int checked = 0;
  for (const auto& f : rows()) {
    if (f[0] != "D" && f[0] != "P") continue;
    bool final = f[0] == "D";
    std::string in = bytes_of(f[3]);
    rt::DecodeResult r = rt::decode(codec(f[1]), in, handler(f[2]), final);
    std::string got;
    if (r.status == rt::CodecStatus::kOk) {
      got = "OK\t" + hex_text(r.text);
      if (!final) got += "\t" + std::to_string(r.consumed);
      if (!r.warning.empty()) got += "\t" + r.warning;
    } else {
      got = render_failure(r.status, r.error, final && f[2] == "strict",
                           rt::decode_error_message(r.error, in), f[1]);
    }
    EXPECT_EQ(got, join_from(f, 4)) << f[0] << " " << f[1] << " " << f[2] << " " << f[3];
    ++checked;
  }
  EXPECT_GT(checked, 4000);
}

TEST(RuntimeTextCodecs, NameLookupMatchesCPython) {
  for (const auto& f : rows()) {
    if (f[0] != "N") continue;
    std::u32string name = text_of(f[1]);
    auto c = rt::lookup_codec(name);
    if (f[2] == "LookupError") {
      EXPECT_FALSE(c.has_value()) << f[1];
      EXPECT_EQ(rt::unknown_encoding_message(name), f[3]);
    } else if (c) {
      EXPECT_EQ(rt::codec_info_name(*c), f[2]) << f[1];
    } else {
      // A Python codec this library does not implement.
      EXPECT_TRUE(f[2] == "utf-8-sig" || f[2] == "cp1252") << f[1] << " -> " << f[2];
    }
  }
}

TEST(RuntimeTextCodecs, CharacterNamesMatchCPythonPerBlock) {
  int blocks = 0;
  for (const auto& f : rows()) {
    if (f[0] != "B") continue;
    unsigned block = std::stoul(f[1], nullptr, 16);
    std::string joined;
    int named = 0;
    for (char32_t c = block * 256; c < block * 256 + 256; ++c) {
      // Characters ICU knows from Unicode 15+ have no name in CPython 3.11.
      auto name = rt::char_name(c);
      if (c != block * 256) joined += "\n";
      if (name && !newer_than_unicode_14(c)) {
        joined += *name;
        ++named;
      }
    }
    EXPECT_EQ(crc_hex(joined), f[2]) << "names in block " << f[1] << " (" << named << " named, want " << f[3] << ")";
    ++blocks;
  }
  EXPECT_GT(blocks, 400);
}

TEST(RuntimeTextCodecs, ErrorMessages) {
  std::u32string s = U"a\u00e9\u00e9\u1234";
  rt::EncodeResult r = rt::encode(rt::Codec::kAscii, s, rt::ErrorHandler::kStrict);
  ASSERT_EQ(r.status, rt::CodecStatus::kUnicodeError);
  EXPECT_EQ(rt::encode_error_message(r.error, s),
            "'ascii' codec can't encode characters in position 1-3: ordinal not in range(128)");
  rt::CodecError one{"ascii", 1, 2, "ordinal not in range(128)"};
  EXPECT_EQ(rt::encode_error_message(one, U"a\u00e9"),
            "'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in range(128)");
  rt::DecodeResult d = rt::decode(rt::Codec::kUtf8, "\xff", rt::ErrorHandler::kStrict);
  EXPECT_EQ(rt::decode_error_message(d.error, "\xff"),
            "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
  EXPECT_EQ(rt::unknown_error_handler_message("bogus"), "unknown error handler name 'bogus'");
  EXPECT_FALSE(rt::lookup_error_handler("bogus").has_value());
}

TEST(RuntimeTextCodecs, Utf16BomResolvesTheByteOrder) {
  rt::DecodeResult d = rt::decode(rt::Codec::kUtf16, std::string("\xfe\xff\x00\x61", 4),
                                  rt::ErrorHandler::kStrict);
  EXPECT_EQ(d.text, U"a");
  EXPECT_EQ(d.resolved, rt::Codec::kUtf16Be);
  d = rt::decode(rt::Codec::kUtf16, "\xff", rt::ErrorHandler::kStrict, /*final=*/false);
  EXPECT_EQ(d.status, rt::CodecStatus::kOk);
  EXPECT_EQ(d.consumed, 0u);
  EXPECT_EQ(rt::encode(rt::Codec::kUtf16, U"", rt::ErrorHandler::kStrict).bytes, "\xff\xfe");
}

TEST(RuntimeTextCodecs, CustomHandlers) {
  // Like codecs.register_error('x', lambda e: ('<%d>' % e.start, e.end)).
  rt::CustomEncodeHandler enc = [](const rt::CodecError& e, rt::EncodeReplacement* rep) {
    rep->text = U"<";
    for (char c : std::to_string(e.start)) rep->text.push_back(static_cast<char32_t>(c));
    rep->text += U">";
    rep->resume = e.end;
    return true;
  };
  rt::EncodeResult r = rt::encode(rt::Codec::kAscii, U"a\u00e9\u00e9b\u1234", rt::ErrorHandler::kCustom, &enc);
  EXPECT_EQ(r.bytes, "a<1>b<4>");
  // A str replacement that does not encode is the original error.
  rt::CustomEncodeHandler bad = [](const rt::CodecError& e, rt::EncodeReplacement* rep) {
    rep->text = U"\u00e9";
    rep->resume = e.end;
    return true;
  };
  r = rt::encode(rt::Codec::kAscii, U"x\u1234", rt::ErrorHandler::kCustom, &bad);
  EXPECT_EQ(r.status, rt::CodecStatus::kUnicodeError);
  r = rt::encode(rt::Codec::kLatin1, U"x\u1234", rt::ErrorHandler::kCustom, &bad);
  EXPECT_EQ(r.bytes, "x\xe9");
  rt::CustomDecodeHandler failing = [](const rt::CodecError&, rt::DecodeReplacement*) { return false; };
  rt::DecodeResult d = rt::decode(rt::Codec::kUtf8, "ab\xff", rt::ErrorHandler::kCustom, true, &failing);
  EXPECT_EQ(d.status, rt::CodecStatus::kCallbackFailed);
  EXPECT_EQ(d.error.start, 2u);
}
