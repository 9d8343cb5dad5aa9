-- Drives Neovim's own LSP client against `carburetor-compile lsp`, as a person
-- would: open a config with an error, see the diagnostic, fix it as you type,
-- hover to learn a default, jump from a group entry to its table, rename the
-- table across the file. Run by scripts/test-neovim; works with Neovim 0.7+.
--
-- Environment: CARBURETOR_COMPILE (the executable), CARBURETOR_CONFIG (the file).

local server = os.getenv('CARBURETOR_COMPILE')
local path = os.getenv('CARBURETOR_CONFIG')
local failures = 0

local function say(text)
  io.stderr:write(text .. '\n')
end

local function check(condition, what)
  if condition then
    say('ok    ' .. what)
  else
    say('FAIL  ' .. what)
    failures = failures + 1
  end
  return condition
end

local function finish()
  if failures > 0 then
    say(failures .. ' check(s) failed')
    vim.cmd('cquit 1')
  else
    say('all Neovim checks passed')
    vim.cmd('qall!')
  end
end

vim.cmd('edit ' .. vim.fn.fnameescape(path))
local buffer = vim.api.nvim_get_current_buf()

local client_id = vim.lsp.start_client({
  name = 'carburetor',
  cmd = { server, 'lsp' },
  root_dir = vim.fn.fnamemodify(path, ':h'),
})
if not check(client_id ~= nil, 'the server starts') then return finish() end
vim.lsp.buf_attach_client(buffer, client_id)

-- 1. The diagnostic of the error in the file arrives.
local function diagnostics()
  return vim.diagnostic.get(buffer)
end
vim.wait(20000, function() return #diagnostics() > 0 end, 50)
local found = diagnostics()
check(#found == 1, 'one diagnostic received (got ' .. #found .. ')')
local first = found[1] or {}
local code = first.code or (first.user_data and first.user_data.lsp and first.user_data.lsp.code)
check(code == 'E0210', 'its code is E0210 (got ' .. tostring(code) .. ')')
check(first.severity == vim.diagnostic.severity.ERROR, 'it is an error')
check(first.source == 'carburetor', 'its source is carburetor')
check((first.message or ''):find("unknown type 'Txt'", 1, true) ~= nil, 'its message names the type')
local lines = vim.api.nvim_buf_get_lines(buffer, 0, -1, false)
local error_line, error_column
for index, line in ipairs(lines) do
  local column = line:find('Txt', 1, true)
  if column then error_line, error_column = index - 1, column - 1 end
end
-- The line has a non-ASCII comment before the type: UTF-16 positions must be
-- converted to the right byte column.
check(first.lnum == error_line and first.col == error_column,
  string.format('it points at Txt (%s:%s, expected %s:%s)', tostring(first.lnum), tostring(first.col),
    tostring(error_line), tostring(error_column)))

-- 2. Fixing the error as you type clears it.
vim.api.nvim_buf_set_text(buffer, error_line, error_column, error_line, error_column + 3, { 'Text' })
vim.wait(20000, function() return #diagnostics() == 0 end, 50)
check(#diagnostics() == 0, 'the fix clears the diagnostic')

local function position_of(needle, nth)
  local seen = 0
  for index, line in ipairs(vim.api.nvim_buf_get_lines(buffer, 0, -1, false)) do
    local column = line:find(needle, 1, true)
    if column then
      seen = seen + 1
      if seen == (nth or 1) then
        return { line = index - 1, character = column - 1 }  -- ASCII lines: bytes are UTF-16 units
      end
    end
  end
end

local function request(method, params)
  local responses = vim.lsp.buf_request_sync(buffer, method, params, 10000) or {}
  local response = responses[client_id] or {}
  return response.result, response.error
end

local entry = position_of('phone_book(', 1)
local document = { uri = vim.uri_from_bufnr(buffer) }

-- 3. Hover over the group entry shows the default plural and synthesized columns.
local hover = request('textDocument/hover', { textDocument = document, position = entry })
local hover_text = hover and hover.contents and hover.contents.value or ''
check(hover_text:find('phone_books', 1, true) ~= nil, 'hover shows the default plural phone_books')
check(hover_text:find('synthesized', 1, true) ~= nil, 'hover shows the synthesized columns')

-- 4. Go to definition jumps from the group entry to the table.
local definition = request('textDocument/definition', { textDocument = document, position = entry })
local target = definition and (definition[1] or definition)
local declaration = position_of('phone_book {', 1)
check(target and target.range and target.range.start.line == declaration.line,
  'definition of the group entry is the table declaration')

-- 5. Rename the table across the file.
local edit = request('textDocument/rename', { textDocument = document, position = entry, newName = 'contact' })
check(edit ~= nil, 'rename answers with an edit')
if edit then
  vim.lsp.util.apply_workspace_edit(edit, 'utf-16')
  local text = table.concat(vim.api.nvim_buf_get_lines(buffer, 0, -1, false), '\n')
  check(text:find('phone_book', 1, true) == nil or text:find('#[renamed_from(phone_book)]', 1, true) ~= nil,
    'no phone_book left but in #[renamed_from]')
  check(text:find('contact {', 1, true) ~= nil and text:find('contact(restrict_to', 1, true) ~= nil,
    'declaration and group entry are renamed')
  vim.wait(3000, function() return false end, 100)
  check(#diagnostics() == 0, 'the renamed config has no diagnostics')
end

vim.lsp.stop_client(client_id)
finish()
