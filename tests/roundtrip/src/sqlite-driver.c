/* Drives SQLite (the amalgamation, built for wasm32-wasi): create a table, insert, query, print. */
#include <stdio.h>
#include "sqlite3.h"

static int print_row(void *user, int n, char **values, char **names) {
  int *rows = user;
  (*rows)++;
  for (int i = 0; i < n; i++) printf("%s%s=%s", i ? " " : "", names[i], values[i] ? values[i] : "NULL");
  printf("\n");
  return 0;
}

static int exec(sqlite3 *db, const char *sql, int *rows) {
  char *err = 0;
  if (sqlite3_exec(db, sql, print_row, rows, &err) != SQLITE_OK) {
    printf("error: %s\n", err);
    sqlite3_free(err);
    return 1;
  }
  return 0;
}

int main(void) {
  sqlite3 *db;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
    printf("cannot open: %s\n", sqlite3_errmsg(db));
    return 1;
  }
  int rows = 0, bad = 0;
  bad |= exec(db, "CREATE TABLE langs(id INTEGER PRIMARY KEY, name TEXT NOT NULL, year INT, score REAL);", &rows);
  bad |= exec(db,
              "INSERT INTO langs(name, year, score) VALUES ('C', 1972, 9.5), ('WebAssembly', 2017, 8.75),"
              " ('Rust', 2015, 9.25), ('Lisp', 1958, 7.0), ('SQL', 1974, NULL);",
              &rows);
  bad |= exec(db, "CREATE INDEX by_year ON langs(year);", &rows);
  bad |= exec(db, "SELECT id, name, year, score FROM langs WHERE year > 1960 ORDER BY year;", &rows);
  bad |= exec(db, "SELECT count(*) AS n, avg(score) AS mean, group_concat(name, '+') AS names FROM langs;", &rows);
  bad |= exec(db, "UPDATE langs SET score = score * 2 WHERE name LIKE '%s%' ESCAPE '\\';", &rows);
  bad |= exec(db, "SELECT name, printf('%.2f', score) AS s FROM langs ORDER BY score DESC NULLS LAST LIMIT 3;", &rows);
  printf("rows %d version %s\n", rows, sqlite3_libversion());
  sqlite3_close(db);
  return bad;
}
