const DEBUG = true;
const NOTHING = false;
if (DEBUG) print("debug on");
if (!NOTHING) print("nothing is false");
