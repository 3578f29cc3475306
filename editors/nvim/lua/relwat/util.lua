-- Small helpers shared by the modules: messages, external commands, paths.
local M = {}

local uv = vim.uv or vim.loop
local levels = vim.log.levels

function M.notify(msg, level)
  vim.notify('relwat: ' .. msg, level or levels.INFO, { title = 'relwat' })
end

local said = {}

-- Says `msg` once per session for `key`: hints about missing tools must not repeat per buffer.
function M.notify_once(key, msg, level)
  if said[key] then return end
  said[key] = true
  M.notify(msg, level)
end

-- Lines a job printed, without the empty string jobstart leaves after a final newline.
local function trim(lines)
  if #lines > 0 and lines[#lines] == '' then table.remove(lines) end
  return lines
end

-- Runs `argv` without blocking (jobstart exists in every supported Neovim, vim.system only from
-- 0.10), then calls on_exit(code, stdout_lines, stderr_lines) on the main loop. Returns false with
-- a message when the program cannot be started.
function M.run(argv, opts, on_exit)
  if vim.fn.executable(argv[1]) ~= 1 then
    return false, string.format('`%s` is not executable or not on $PATH', argv[1])
  end
  local out, err = {}, {}
  local ok, id = pcall(vim.fn.jobstart, argv, {
    cwd = opts.cwd,
    stdout_buffered = true,
    stderr_buffered = true,
    on_stdout = function(_, data) out = data end,
    on_stderr = function(_, data) err = data end,
    on_exit = function(_, code)
      vim.schedule(function() on_exit(code, trim(out), trim(err)) end)
    end,
  })
  if not ok or id <= 0 then
    return false, string.format('cannot run `%s`: %s', argv[1], ok and id or tostring(id))
  end
  return true
end

function M.exists(path)
  return uv.fs_stat(path) ~= nil
end

-- Nearest ancestor directory of `file` holding one of `markers`, else the file's directory.
function M.root_dir(file, markers)
  local dir = vim.fn.fnamemodify(file, ':p:h')
  local cur = dir
  while true do
    for _, marker in ipairs(markers) do
      if uv.fs_stat(cur .. '/' .. marker) then return cur end
    end
    local parent = vim.fn.fnamemodify(cur, ':h')
    if parent == cur then break end
    cur = parent
  end
  return dir
end

-- True when the buffer is a file on disk (not a scratch, help, terminal or URL buffer).
function M.is_file_buffer(buf)
  local name = vim.api.nvim_buf_get_name(buf)
  return name ~= '' and vim.bo[buf].buftype == '' and not name:match('^%a[%w+.-]*://')
end

-- True for spec test scripts (*.wast): newer Neovims give them the filetype `wat` too, but they
-- are scripts of modules and assertions, which neither relwat-lsp nor the grammar read.
function M.is_script(buf)
  return vim.api.nvim_buf_get_name(buf):match('%.wast$') ~= nil
end

-- The first bytes of a file, or nil.
function M.read_head(path, n)
  local f = io.open(path, 'rb')
  if not f then return nil end
  local head = f:read(n)
  f:close()
  return head
end

-- Adds `dir` to 'runtimepath' unless it is already there (compared after resolving symlinks).
function M.ensure_on_rtp(dir)
  local real = uv.fs_realpath(dir) or dir
  for _, p in ipairs(vim.api.nvim_list_runtime_paths()) do
    if (uv.fs_realpath(p) or p) == real then return end
  end
  vim.opt.runtimepath:append(dir)
end

return M
