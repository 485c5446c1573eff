// An agent test: the agent source keeps the latest average.
class LatestTest extends ImpTestCase {
  function testStartsEmpty() {
    this.assertEqual(null, ::latest);
  }

  function testInfo() {
    this.info("agent tests run on the agent, device tests on the device");
  }
}
