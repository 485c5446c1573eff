// SmartLamp application, agent side (impt-emulator example): GET /on and
// GET /off switch the lamp.
http.onrequest(function(request, response) {
  if (request.path == "/on" || request.path == "/off") {
    device.send("lamp.set", request.path == "/on");
    response.send(200, "OK");
  } else {
    response.send(404, "Not found");
  }
});
server.log("Lamp agent v1 ready");
