// Self-test of the framework on the agent (64-bit floats, time() clock):
// a test case with setUp/tearDown sharing one instance.

class FrameworkAgentTest extends ImpTestCase {
  order = null;

  function setUp() {
    order = ["setUp"];
  }

  function testA() {
    order.push("testA");
    this.assertDeepEqual(["setUp", "testA"], order);
  }

  function testB() {
    order.push("testB");
    this.assertEqual(3, order.len());
    return Promise(function(ok, err) { imp.wakeup(0.1, function() { ok(); }); });
  }

  function tearDown() {
    this.assertDeepEqual(["setUp", "testA", "testB"], order);
  }

  function testInfoAndSession() {
    this.info({ note = "agent" });
    this.assertTrue(typeof this.session == "string" && this.session.len() > 0);
  }
}
