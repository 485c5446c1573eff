// Self-test of impt's impUnit-compatible framework (run by the e2e suite
// with `impt test run`): the assert messages, the JSON encoder and the
// bundled Promise.

class FrameworkAssertsTest extends ImpTestCase {
  function _message(fn) {
    return this.assertThrowsError(fn, this);
  }

  function testAssertTrue() {
    this.assertEqual("Failed to assert that condition is true", _message(function() { this.assertTrue(false); }));
    this.assertEqual("custom", _message(function() { this.assertTrue(null, "custom"); }));
  }

  function testAssertEqual() {
    this.assertEqual("Expected value: 1, got: 2", _message(function() { this.assertEqual(1, 2); }));
    this.assertEqual("Expected value: null, got: a", _message(function() { this.assertEqual(null, "a"); }));
    this.assertEqual("Expected value: true, got: false", _message(function() { this.assertEqual(true, false); }));
    this.assertEqual(1, 1.0);
  }

  function testCompareAsserts() {
    this.assertEqual("Failed to assert that 1 > 1", _message(function() { this.assertGreater(1, 1); }));
    this.assertEqual("Failed to assert that 1 < 1", _message(function() { this.assertLess(1, 1); }));
    this.assertEqual("Expected value the range of 2..4, got 1", _message(function() { this.assertBetween(1, 4, 2); }));
    this.assertBetween(2, 2, 4);
    this.assertBetween(4, 2, 4);
    this.assertClose(10, 11, 1);
  }

  function testDeepEqual() {
    this.assertDeepEqual([1, [2, { x = "y" }]], [1, [2, { x = "y" }]]);
    this.assertEqual("Comparison failed on '1.0': expected 2, got 3", _message(function() { this.assertDeepEqual([1, [2]], [1, [3]]); }));
    this.assertEqual("Comparison failed on '2': expected none, got 3", _message(function() { this.assertDeepEqual([1, 2], [1, 2, 3]); }));
    local a = {};
    a.self <- a;
    local b = {};
    b.self <- b;
    local m = _message(function() { this.assertDeepEqual(a, b); });
    this.assertEqual("Possible cyclic reference at ", m.slice(0, 29));
  }

  function testBlobs() {
    local x = blob(2), y = blob(3), z = blob(2);
    z[1] = 5;
    this.assertEqual("Blob lengths unequal, lhs.len() == 2, rhs.len() == 3", _message(function() { this.assertDeepEqual(x, y); }));
    this.assertEqual("Blobs are the same length (2 bytes), but the contents are not identical.", _message(function() { this.assertDeepEqual(x, z); }));
  }

  function testThrowsReturnsTheError() {
    local args = [1, 2];
    local e = this.assertThrowsError(function(a, b) { throw a + b; }, this, args);
    this.assertEqual(3, e);
    this.assertEqual(3, args.len());
  }

  function testCounters() {
    local before = this.assertions;
    this.assertTrue(true);
    this.assertTrue(true);
    this.assertEqual(before + 2, this.assertions);
  }
}

class FrameworkJsonTest extends ImpTestCase {
  function testScalars() {
    this.assertEqual("null", __impUnitJSON.encode(null));
    this.assertEqual("true", __impUnitJSON.encode(true));
    this.assertEqual("-12", __impUnitJSON.encode(-12));
    this.assertEqual("1.5", __impUnitJSON.encode(1.5));
  }

  function testStrings() {
    this.assertEqual("\"a\\\"b\\\\c\\nd\\te\\u0001\"", __impUnitJSON.encode("a\"b\\c\nd\te\x01"));
  }

  function testContainers() {
    this.assertEqual("[1,\"x\",[]]", __impUnitJSON.encode([1, "x", []]));
    this.assertEqual("{\"k\":{\"n\":null}}", __impUnitJSON.encode({ k = { n = null } }));
  }
}

class FrameworkPromiseTest extends ImpTestCase {
  function testThenChain() {
    local self = this;
    return Promise.resolve(1)
      .then(function(v) { return v + 1; })
      .then(function(v) { return Promise(function(ok, err) { imp.wakeup(0, function() { ok(v * 10); }); }); })
      .then(function(v) { self.assertEqual(20, v); return v; });
  }

  function testFailAndFinally() {
    local self = this;
    local seen = [];
    return Promise.reject("no")
      .then(function(v) { seen.push("then"); })
      .fail(function(e) { seen.push("fail " + e); return "recovered"; })
      .finally(function(v) { seen.push("finally " + v); })
      .then(function(v) { self.assertDeepEqual(["fail no", "finally recovered"], seen); });
  }

  function testThrowInHandlerRejects() {
    local self = this;
    return Promise(function(ok, err) {
      Promise.resolve(0).then(function(v) { throw "inside"; }).fail(function(e) { ok(e); });
    }).then(function(e) { self.assertEqual("inside", e); });
  }

  function testAllAndRace() {
    local self = this;
    local slow = Promise(function(ok, err) { imp.wakeup(0.2, function() { ok("slow"); }); });
    local fast = Promise(function(ok, err) { imp.wakeup(0.05, function() { ok("fast"); }); });
    return Promise.all([slow, fast, 3]).then(function(values) {
      self.assertDeepEqual(["slow", "fast", 3], values);
      return Promise.race([Promise(function(ok, err) { imp.wakeup(0.2, function() { ok("late"); }); }), Promise.resolve("first")]);
    }).then(function(v) { self.assertEqual("first", v); });
  }

  function testSettlesOnce() {
    local self = this;
    return Promise(function(ok, err) { ok(1); ok(2); err(3); }).then(function(v) { self.assertEqual(1, v); });
  }
}
