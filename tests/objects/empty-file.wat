;; A file with nothing in it is an empty object: a linking section and no symbol.
