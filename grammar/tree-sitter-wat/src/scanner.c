// External scanner of the WAT grammar.
//
// Two tokens need more than a regular expression:
//  - block comments `(; ... ;)`, which nest;
//  - the text of a string between escapes. It is scanned here, not by the generated lexer, so
//    that `(;` or `;;` inside a string is never taken for the start of a comment (comments are
//    extras and therefore valid between any two tokens, including the parts of a string).
//
// The scanner keeps no state between tokens.

#include "tree_sitter/parser.h"

#include <stdbool.h>
#include <stdint.h>

enum TokenType {
  BLOCK_COMMENT,
  STRING_CONTENT,
  ERROR_SENTINEL,
};

void *tree_sitter_wat_external_scanner_create(void) { return NULL; }

void tree_sitter_wat_external_scanner_destroy(void *payload) { (void)payload; }

unsigned tree_sitter_wat_external_scanner_serialize(void *payload, char *buffer) {
  (void)payload;
  (void)buffer;
  return 0;
}

void tree_sitter_wat_external_scanner_deserialize(void *payload, const char *buffer, unsigned length) {
  (void)payload;
  (void)buffer;
  (void)length;
}

static inline bool is_space(int32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Characters up to the next `"`, `\` or line end. A raw line break is not allowed in a string;
// stopping there keeps an unterminated string from swallowing the rest of the file.
static bool scan_string_content(TSLexer *lexer) {
  bool any = false;
  while (!lexer->eof(lexer)) {
    int32_t c = lexer->lookahead;
    if (c == '"' || c == '\\' || c == '\n' || c == '\r') break;
    lexer->advance(lexer, false);
    any = true;
  }
  if (!any) return false;
  lexer->mark_end(lexer);
  lexer->result_symbol = STRING_CONTENT;
  return true;
}

// `(;` ... `;)` with nesting. An unterminated comment runs to the end of the input, so that an
// editor shows the rest of the file as comment while the user types.
static bool scan_block_comment(TSLexer *lexer) {
  while (is_space(lexer->lookahead)) lexer->advance(lexer, true);
  if (lexer->lookahead != '(') return false;
  lexer->advance(lexer, false);
  if (lexer->lookahead != ';') return false;
  lexer->advance(lexer, false);
  unsigned depth = 1;
  while (depth > 0 && !lexer->eof(lexer)) {
    int32_t c = lexer->lookahead;
    lexer->advance(lexer, false);
    if (c == '(' && lexer->lookahead == ';') {
      lexer->advance(lexer, false);
      depth++;
    } else if (c == ';' && lexer->lookahead == ')') {
      lexer->advance(lexer, false);
      depth--;
    }
  }
  lexer->mark_end(lexer);
  lexer->result_symbol = BLOCK_COMMENT;
  return true;
}

bool tree_sitter_wat_external_scanner_scan(void *payload, TSLexer *lexer, const bool *valid_symbols) {
  (void)payload;
  bool recovering = valid_symbols[ERROR_SENTINEL];
  if (valid_symbols[STRING_CONTENT] && !recovering) {
    // Inside a string: never look for comments.
    return scan_string_content(lexer);
  }
  if (valid_symbols[BLOCK_COMMENT]) return scan_block_comment(lexer);
  return false;
}
