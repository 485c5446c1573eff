// Device tests of Smoother (run on the device, with src/device.nut).
class SmootherTest extends ImpTestCase {
  smoother = null;

  function setUp() {
    smoother = Smoother(3);
  }

  function testEmptyAverageIsNull() {
    this.assertEqual(null, Smoother(2).average());
  }

  function testMovingAverage() {
    smoother.add(10);
    smoother.add(20);
    this.assertClose(15.0, smoother.average(), 0.001);
    smoother.add(30);
    smoother.add(40);
    this.assertClose(30.0, smoother.average(), 0.001);
  }

  function testRejectsAnEmptyWindow() {
    // assertThrowsError calls a function (not a class) and returns what it threw
    local error = this.assertThrowsError(function(window) { Smoother(window); }, this, [0]);
    this.assertEqual("window must be at least 1", error);
  }

  function testReportReachesTheAgent() {
    // the agent side of this file (smoother.agent.nut) echoes what it gets
    local self = this;
    return Promise(function(resolve, reject) {
      agent.on("echo", function(data) { resolve(data.average); });
      report(Smoother(1), 21.5);
    }).then(function(average) {
      self.assertClose(21.5, average, 0.001);
    });
  }
}
