-- Turns the diagnostics wat2obj prints on stderr (rendered without colour) into quickfix items:
--
--   error: duplicate function id `$f`
--     ┌─ dir/t.wat:4:9
--     │
--   3 │   (func $f)
--     │         -- first defined here
--   4 │   (func $f (result i32) i32.const 1)
--     │         ^^ defined again here
--     │
--     = note: ...
--
-- The header gives the severity and message, the `┌─` line the primary location (line and
-- character column, 1-based), `^^^` the primary label, `---` secondary labels (own items, type N,
-- so :cnext visits "first defined here"), `= note:`/`= help:` lines are appended to the message.
local M = {}

local severities = { error = 'E', bug = 'E', warning = 'W', note = 'N', help = 'N' }

-- Tab width of the rendered source snippets (codespan-reporting's default).
local TAB = 4

-- 1-based byte column of the 1-based character column `col` of `line`.
local function byte_col(line, col)
  if not line or col <= 1 then return col end
  local idx = vim.fn.byteidx(line, col - 1)
  if idx < 0 then return col end
  return idx + 1
end

-- 1-based character column of display offset `off` (0-based) in the source `line`, tabs counting TAB.
local function char_col_of_display(line, off)
  local width = 0
  local nchars = vim.fn.strchars(line)
  for i = 0, nchars - 1 do
    if width >= off then return i + 1 end
    local ch = vim.fn.strcharpart(line, i, 1)
    width = width + (ch == '\t' and TAB or vim.fn.strwidth(ch))
  end
  return nchars + 1
end

-- Parses `stderr` (a list of lines). `default_file` is used for diagnostics without a location.
-- Returns the quickfix items and the number of errors and warnings.
function M.parse(stderr, default_file)
  local items, errors, warnings = {}, 0, 0
  local files = {} -- path -> lines, read once
  local function file_lines(path)
    if files[path] == nil then
      local ok, lines = pcall(vim.fn.readfile, path)
      files[path] = ok and lines or false
    end
    return files[path] or nil
  end

  local cur -- the diagnostic being read
  local cur_file -- its file, for secondary labels
  local src_lnum, src_text -- the last source line of the snippet
  for _, line in ipairs(stderr) do
    local sev, msg = line:match('^(%a+)%[?[^%]:]*%]?: (.*)$')
    if sev and severities[sev] and not line:match('^%s') then
      cur = { text = msg, type = severities[sev], filename = default_file, lnum = 0, col = 0 }
      table.insert(items, cur)
      cur_file, src_lnum, src_text = default_file, nil, nil
      if cur.type == 'E' then errors = errors + 1 elseif cur.type == 'W' then warnings = warnings + 1 end
    elseif cur then
      local file, lnum, col = line:match('^%s*┌─ (.+):(%d+):(%d+)%s*$')
      if file then
        lnum, col = tonumber(lnum), tonumber(col)
        local lines = file_lines(file)
        cur.filename, cur.lnum = file, lnum
        cur.col = byte_col(lines and lines[lnum], col)
        cur_file = file
      else
        local num, rest = line:match('^%s*(%d*)%s*│(.*)$')
        if num then
          rest = rest:gsub('^ ', '', 1)
          if num ~= '' then
            src_lnum = tonumber(num)
            local lines = cur_file and file_lines(cur_file)
            src_text = lines and lines[src_lnum] or rest
          elseif src_lnum then
            local pad, marks, label = rest:match('^(%s*)([%^%-]+)%s?(.*)$')
            if marks and label ~= '' then
              if marks:sub(1, 1) == '^' then
                cur.text = cur.text .. ' (' .. label .. ')'
              else
                local c = char_col_of_display(src_text or '', #pad)
                table.insert(items, {
                  filename = cur_file, lnum = src_lnum, col = byte_col(src_text, c),
                  text = label, type = 'N',
                })
              end
            end
          end
        else
          local kind, note = line:match('^%s*= (%a+): (.*)$')
          if kind then cur.text = cur.text .. '; ' .. kind .. ': ' .. note end
        end
      end
    end
  end
  return items, errors, warnings
end

return M
