// A JSON encoder and a small JSON decoder in the style of the Electric Imp
// JSONEncoder library: tables (keys sorted for stable output), arrays, nested
// values, string escaping, integers and floats, objects that serialise
// themselves through _serializeRaw / _serialize, and a recursive-descent parser.

class JSON {
  static VERSION = "0.3.0";

  function encode(value) {
    return _encode(value, 0);
  }

  function _encode(value, depth) {
    if (depth > 32) throw "JSON: nesting too deep";
    switch (typeof value) {
      case "null":
        return "null";
      case "bool":
        return value ? "true" : "false";
      case "integer":
        return value.tostring();
      case "float":
        local s = value.tostring();
        if (s == "inf" || s == "-inf" || s == "nan") throw "JSON: cannot encode " + s;
        return s;
      case "string":
        return _quote(value);
      case "array":
        local items = [];
        foreach (v in value) items.append(_encode(v, depth + 1));
        return "[" + _join(items, ",") + "]";
      case "table":
        local keys = [];
        foreach (k, v in value) keys.append(k.tostring());
        keys.sort();
        local parts = [];
        foreach (k in keys) {
          local v = k in value ? value[k] : value[k.tointeger()];
          parts.append(_quote(k) + ":" + _encode(v, depth + 1));
        }
        return "{" + _join(parts, ",") + "}";
      case "blob":
        return _quote(value.tostring());
      default:
        if (typeof value == "instance" || value instanceof ::Serializable) {
          if ("_serializeRaw" in value) return value._serializeRaw().tostring();
          if ("_serialize" in value) return _encode(value._serialize(), depth + 1);
        }
        throw "JSON: cannot encode " + typeof value;
    }
  }

  function _quote(s) {
    local out = "\"";
    foreach (c in s) {
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
          if (c < 0x20) out += format("\\u%04x", c);
          else out += c.tochar();
      }
    }
    return out + "\"";
  }

  function _join(parts, sep) {
    local s = "";
    foreach (i, p in parts) {
      if (i > 0) s += sep;
      s += p;
    }
    return s;
  }

  function decode(text) {
    local p = JSONParser(text);
    local v = p.value();
    p.skipSpace();
    if (p.pos < text.len()) p.fail("trailing characters");
    return v;
  }
}

class JSONParser {
  text = null;
  pos = 0;

  constructor(t) { text = t; }

  function fail(what) {
    throw format("JSON: %s at %d", what, pos);
  }

  function skipSpace() {
    while (pos < text.len()) {
      local c = text[pos];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
      pos++;
    }
  }

  function peek() {
    skipSpace();
    if (pos >= text.len()) fail("unexpected end");
    return text[pos];
  }

  function expect(word) {
    if (text.len() - pos < word.len() || text.slice(pos, pos + word.len()) != word) fail("expected " + word);
    pos += word.len();
  }

  function value() {
    local c = peek();
    if (c == '{') return object();
    if (c == '[') return array();
    if (c == '"') return string();
    if (c == 't') { expect("true"); return true; }
    if (c == 'f') { expect("false"); return false; }
    if (c == 'n') { expect("null"); return null; }
    if (c == '-' || (c >= '0' && c <= '9')) return number();
    fail("unexpected '" + c.tochar() + "'");
  }

  function object() {
    local t = {};
    pos++;
    if (peek() == '}') { pos++; return t; }
    while (true) {
      if (peek() != '"') fail("expected key");
      local k = string();
      if (peek() != ':') fail("expected ':'");
      pos++;
      t[k] <- value();
      local c = peek();
      pos++;
      if (c == '}') return t;
      if (c != ',') { pos--; fail("expected ',' or '}'"); }
    }
  }

  function array() {
    local a = [];
    pos++;
    if (peek() == ']') { pos++; return a; }
    while (true) {
      a.append(value());
      local c = peek();
      pos++;
      if (c == ']') return a;
      if (c != ',') { pos--; fail("expected ',' or ']'"); }
    }
  }

  function string() {
    pos++;
    local out = "";
    while (true) {
      if (pos >= text.len()) fail("unterminated string");
      local c = text[pos++];
      if (c == '"') return out;
      if (c != '\\') { out += c.tochar(); continue; }
      local e = text[pos++];
      switch (e) {
        case 'n': out += "\n"; break;
        case 't': out += "\t"; break;
        case 'r': out += "\r"; break;
        case 'b': out += "\b"; break;
        case 'f': out += "\f"; break;
        case 'u':
          local n = 0;
          foreach (h in text.slice(pos, pos + 4)) {
            n = n * 16 + (h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
          }
          if (n > 0x7F) fail("only ASCII \\u escapes supported");
          out += n.tochar();
          pos += 4;
          break;
        default: out += e.tochar();
      }
    }
  }

  function number() {
    local start = pos;
    local isFloat = false;
    if (text[pos] == '-') pos++;
    while (pos < text.len()) {
      local c = text[pos];
      if (c >= '0' && c <= '9') pos++;
      else if (c == '.' || c == 'e' || c == 'E' || c == '+' || (c == '-' && pos > start)) { isFloat = true; pos++; }
      else break;
    }
    local s = text.slice(start, pos);
    return isFloat ? s.tofloat() : s.tointeger();
  }
}

class Serializable {}

class Point extends Serializable {
  x = 0; y = 0;
  constructor(x, y) { this.x = x; this.y = y; }
  function _serialize() { return { x = x, y = y }; }
}

class Raw {
  function _serializeRaw() { return "RAW"; }
}

print(JSON.encode(null));
print(JSON.encode(true) + " " + JSON.encode(false));
print(JSON.encode(42) + " " + JSON.encode(-7) + " " + JSON.encode(2.5) + " " + JSON.encode(1.0));
print(JSON.encode("plain"));
print(JSON.encode("quote \" backslash \\ newline \n tab \t bell \x07"));
print(JSON.encode([1, "two", [3, [4]], null]));
print(JSON.encode({ b = 1, a = [true, false], c = { z = "last", y = "first" } }));
print(JSON.encode({ [1] = "int key", name = "n" }));
print(JSON.encode({ pos = Point(3, 4), raw = Raw() }));
print(JSON.encode([]) + JSON.encode({}));
local b = blob();
b.writestring("bytes");
print(JSON.encode(b));
try { JSON.encode({ f = function() {} }); } catch (e) { print(e); }

local text = "{ \"name\": \"imp\\tdevice\", \"ids\": [1, 2, -3], \"ok\": true, \"none\": null,\n  \"ratio\": 0.25, \"big\": 1.5e3, \"nested\": { \"deep\": [[], {}] }, \"esc\": \"a\\u0041\\\"\" }";
local v = JSON.decode(text);
print(v.name);
print(v.ids.len() + " " + v.ids[2]);
print(v.ok + " " + v.none);
print(v.ratio + " " + typeof v.ratio);
print(v.big + " " + typeof v.big);
print(v.nested.deep.len() + " " + typeof v.nested.deep[1]);
print(v.esc);
print(JSON.encode(v));

local again = JSON.decode(JSON.encode(v));
print(JSON.encode(again) == JSON.encode(v));

foreach (bad in ["[1, 2", "{\"a\" 1}", "tru", "[1] x", "{\"k\": @}"]) {
  try {
    JSON.decode(bad);
    print("accepted " + bad);
  } catch (e) {
    print(e);
  }
}
