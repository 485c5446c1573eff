local s = "a\qb";
