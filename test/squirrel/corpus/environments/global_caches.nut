// Free identifiers read through a table `this` (globals, environments) see
// every change of the table between reads at the same place.
counter <- 0;
function bump() { counter = counter + 1; return counter; }
function read() { return counter; }
for (local i = 0; i < 3; i++) print(bump() + " " + read());
::counter = 100;
print(read());
getroottable().counter <- 7;
print(read());
getroottable().rawset("counter", 8);
print(read());

// the same function with different tables as this
function who() { return name; }
name <- "root";
local t1 = { name = "t1" };
local t2 = { name = "t2" };
foreach (t in [t1, t2, getroottable(), t1]) print(who.call(t));
t1.name = "t1 changed";
print(who.call(t1));
delete t1.name;
print(who.call(t1));
t1.name <- "t1 again";
print(who.bindenv(t1)());

// a global found through the delegate, then in the table itself
local parent = { name = "from delegate" };
local child = {};
child.setdelegate(parent);
print(who.call(child));
child.name <- "own";
print(who.call(child));

// a function value replaced while a loop calls it
function step(x) { return x + 1; }
local acc = 0;
for (local i = 0; i < 4; i++) {
  if (i == 2) step = function(x) { return x + 100; };
  acc = step(acc);
}
print(acc);

// a global removed: the next read is an error again
gone <- 1;
function readGone() { return gone; }
print(readGone());
delete getroottable().gone;
try { readGone(); } catch (e) { print(e); }
const K = 5;
function readK() { return K; }
print(readK());
