// SmartLamp factory firmware, agent side (impt-emulator example). On a DUT's
// agent imp.configparams.factory_fixture_url is the fixture's agent URL: the
// test result is posted there. The fixture's agent takes the results and
// passes them to the fixture device.
if ("factory_fixture_url" in imp.configparams) {
  device.on("test.result", function(result) {
    local url = imp.configparams.factory_fixture_url + "/dut-result";
    http.post(url, { "content-type": "application/json" }, http.jsonencode(result)).sendasync(function(response) {
      server.log("Result of " + result.device_id + " sent to the fixture: HTTP " + response.statuscode);
    });
  });
} else {
  http.onrequest(function(request, response) {
    if (request.method == "POST" && request.path == "/dut-result") {
      local result = http.jsondecode(request.body);
      server.log("DUT " + result.device_id + (result.blessed ? " blessed" : " not blessed"));
      device.send("dut.result", result);
      response.send(200, "OK");
    } else {
      response.send(404, "Not found");
    }
  });
  server.log("Factory agent ready at " + http.agenturl());
}
