-- :RelwatAssemble (wat2obj on the current file) and :RelwatShowObject (obj2wat into a buffer).
local config = require('relwat.config')
local util = require('relwat.util')
local diagnostics = require('relwat.diagnostics')

local M = {}

local api = vim.api
local levels = vim.log.levels

local QF_TITLE = 'wat2obj'

-- The result of the last assembly: { ok, code, input, output, errors, warnings, items }.
M.last_assemble = nil

-- Expands `%`, `%:r.o`, `#`, `<cfile>`, `~` and $VAR like file arguments of built-in commands
-- (without globbing).
local function expand_arg(arg)
  local ok, res = pcall(vim.fn.expandcmd, arg)
  if ok then return res end
  return arg
end

-- Replaces our previous quickfix list instead of stacking a new one per run.
local function set_quickfix(items, title)
  local action = ' '
  local top = vim.fn.getqflist({ title = 0 }).title or ''
  if top:sub(1, #QF_TITLE) == QF_TITLE then action = 'r' end
  vim.fn.setqflist({}, action, { title = title, items = items })
end

local function fire(pattern)
  api.nvim_exec_autocmds('User', { pattern = pattern, modeline = false })
end

-- Assembles a file. opts: file (default: the current buffer's, written first when modified),
-- output (default: the input with .o, or .wasm with --module), args (extra wat2obj flags),
-- on_done(result). Returns false when nothing was started.
function M.assemble(opts)
  opts = opts or {}
  local cfg = config.get()
  local file = opts.file
  if not file then
    local buf = api.nvim_get_current_buf()
    file = api.nvim_buf_get_name(buf)
    if file == '' or not util.is_file_buffer(buf) then
      util.notify('the current buffer is not a file; save it as a .wat file first', levels.ERROR)
      return false
    end
    if vim.bo[buf].modified then
      local ok, err = pcall(vim.cmd, 'silent update')
      if not ok then
        util.notify('cannot write ' .. file .. ': ' .. tostring(err), levels.ERROR)
        return false
      end
    end
  end
  file = vim.fn.fnamemodify(file, ':p')

  local flags = vim.list_extend(vim.deepcopy(cfg.wat2obj_args), opts.args or {})
  local module = vim.tbl_contains(flags, '--module')
  local output = opts.output and vim.fn.fnamemodify(opts.output, ':p')
    or (vim.fn.fnamemodify(file, ':r') .. (module and '.wasm' or '.o'))

  local wat2obj = config.resolve_tool(cfg.wat2obj)
  local argv = { wat2obj, '--color', 'never' }
  vim.list_extend(argv, flags)
  vim.list_extend(argv, { file, '-o', output })

  local started, err = util.run(argv, {}, function(code, _, stderr)
    local items, errors, warnings = diagnostics.parse(stderr, file)
    local result = { ok = code == 0, code = code, input = file, output = output,
      errors = errors, warnings = warnings, items = items }
    M.last_assemble = result
    local name = vim.fn.fnamemodify(file, ':~:.')
    if code == 0 or code == 1 then
      set_quickfix(items, QF_TITLE .. ' ' .. name)
    end
    if code == 0 then
      local size = vim.fn.getfsize(output)
      local msg = string.format('wrote %s (%d bytes)', vim.fn.fnamemodify(output, ':~:.'), size)
      if warnings > 0 then msg = msg .. string.format(', %d warning(s) in the quickfix list', warnings) end
      util.notify(msg, warnings > 0 and levels.WARN or levels.INFO)
    elseif code == 1 then
      util.notify(string.format('%s: %d error(s), %d warning(s); see the quickfix list', name,
        errors, warnings), levels.ERROR)
      if cfg.open_quickfix and #items > 0 then
        -- The cursor stays where it was (:cwindow would move it into the list).
        local win = api.nvim_get_current_win()
        vim.cmd('botright cwindow')
        if api.nvim_win_is_valid(win) then api.nvim_set_current_win(win) end
      end
    else
      -- 2: usage or I/O error, 3: internal error; the message is all there is.
      util.notify(string.format('wat2obj failed (exit %d): %s', code, table.concat(stderr, '\n')),
        levels.ERROR)
    end
    if opts.on_done then opts.on_done(result) end
    fire('RelwatAssembleDone')
  end)
  if not started then
    util.notify(err .. ' (set wat2obj in setup())', levels.ERROR)
    return false
  end
  return true
end

-- :RelwatAssemble [OUT] [--wat2obj-flags...]
function M.assemble_command(fargs)
  local args, output = {}, nil
  for _, a in ipairs(fargs) do
    if a:sub(1, 1) == '-' then
      table.insert(args, a)
    elseif output == nil then
      output = expand_arg(a)
    else
      util.notify('more than one output given: ' .. output .. ', ' .. a, levels.ERROR)
      return
    end
  end
  M.assemble({ output = output, args = args })
end

local function is_object_path(path)
  return path ~= nil and path ~= '' and path:match('%.o$') ~= nil
end

-- The object :RelwatShowObject shows without an argument: the .o under the cursor, the current
-- buffer's file if it is a .o, the object shown in the current buffer, or the object
-- :RelwatAssemble would write for the current .wat file.
function M.default_object()
  local buf = api.nvim_get_current_buf()
  local ok, shown = pcall(api.nvim_buf_get_var, buf, 'relwat_object')
  if ok and shown then return shown end
  local cfile = vim.fn.expand('<cfile>')
  if is_object_path(cfile) then
    if util.exists(cfile) then return vim.fn.fnamemodify(cfile, ':p') end
    local beside = vim.fn.expand('%:p:h') .. '/' .. cfile
    if util.exists(beside) then return beside end
  end
  local name = api.nvim_buf_get_name(buf)
  if is_object_path(name) then return name end
  if name:match('%.wat$') then
    local obj = vim.fn.fnamemodify(name, ':r') .. '.o'
    if util.exists(obj) then return obj end
  end
  return nil
end

-- Opens (or refreshes) the scratch buffer showing `path` with `lines`.
local function show_lines(path, lines)
  local name = 'relwat://' .. path
  local buf
  for _, b in ipairs(api.nvim_list_bufs()) do
    if api.nvim_buf_get_name(b) == name then buf = b end
  end
  if not buf then
    buf = api.nvim_create_buf(true, true) -- listed, scratch: nofile, no swap file
    api.nvim_buf_set_name(buf, name)
    vim.bo[buf].bufhidden = 'hide'
  end
  local win = vim.fn.bufwinid(buf)
  if win ~= -1 then
    api.nvim_set_current_win(win)
  else
    local open = { split = 'split', vsplit = 'vsplit', tab = 'tab split', current = nil }
    local cmd = open[config.get().object_window]
    if cmd then vim.cmd(cmd) end
    api.nvim_win_set_buf(0, buf)
  end
  api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  vim.bo[buf].modified = false
  api.nvim_buf_set_var(buf, 'relwat_object', path)
  if vim.bo[buf].filetype ~= 'wat' then
    vim.bo[buf].filetype = 'wat'
  end
  return buf
end

-- Shows an object as WAT. opts: path (default: M.default_object()), on_done(buf or nil).
function M.show_object(opts)
  opts = opts or {}
  local path = opts.path or M.default_object()
  local function fail(msg)
    util.notify(msg, levels.ERROR)
    if opts.on_done then opts.on_done(nil) end
    return false
  end
  if not path then
    return fail('no object: give a .o file, or put the cursor on one')
  end
  path = vim.fn.fnamemodify(path, ':p')
  local head = util.read_head(path, 4)
  if head == nil then return fail('cannot read ' .. path) end
  if head ~= '\0asm' then return fail(path .. ' is not a WebAssembly object') end

  local obj2wat = config.resolve_tool(config.get().obj2wat)
  local started, err = util.run({ obj2wat, path, '-o', '-' }, {}, function(code, stdout, stderr)
    if code ~= 0 then
      fail(string.format('obj2wat failed (exit %d): %s', code, table.concat(stderr, '\n')))
      return
    end
    if #stderr > 0 then
      -- Warnings: what the text cannot express about this object.
      util.notify('obj2wat: ' .. table.concat(stderr, '\n'), levels.WARN)
    end
    local buf = show_lines(path, stdout)
    if opts.on_done then opts.on_done(buf) end
    fire('RelwatShowObjectDone')
  end)
  if not started then
    return fail(err .. ' (set obj2wat in setup())')
  end
  return true
end

function M.show_object_command(fargs)
  -- 0.7 passes {''} for an omitted optional argument.
  local path = (fargs[1] and fargs[1] ~= '') and expand_arg(fargs[1]) or nil
  M.show_object({ path = path })
end

return M
