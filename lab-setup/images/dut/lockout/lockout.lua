-- The virtual device's HTTP brute-force protection, run by lighttpd's mod_magnet before mod_auth:
-- five failed Basic logins in a row lock the account for 60 s (doubling with each further failure);
-- while locked even the right password gets 429. The counters live in files, as lighttpd keeps no
-- state between requests for a script. LOCKOUT_OFF (the no-lockout flaw) turns it off.
local users_file = "/etc/lighttpd/users"
local state_dir = "/run/certbench-lockout/"
local off = io.open("/etc/certbench/lockout-off", "r")
if off then off:close() return 0 end

local auth = (lighty.r and lighty.r.req_header["Authorization"]) or lighty.request["Authorization"]
if not auth or not auth:match("^[Bb]asic ") then return 0 end

local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local function b64decode(text)
  text = text:gsub("[^" .. alphabet .. "=]", "")
  return (text:gsub(".", function(c)
    if c == "=" then return "" end
    local bits, value = "", alphabet:find(c, 1, true) - 1
    for i = 6, 1, -1 do bits = bits .. (value % 2 ^ i - value % 2 ^ (i - 1) > 0 and "1" or "0") end
    return bits
  end):gsub("%d%d%d?%d?%d?%d?%d?%d?", function(byte)
    if #byte ~= 8 then return "" end
    local n = 0
    for i = 1, 8 do n = n + (byte:sub(i, i) == "1" and 2 ^ (8 - i) or 0) end
    return string.char(n)
  end))
end

local pair = b64decode(auth:sub(7))
local user, password = pair:match("^([^:]*):(.*)$")
if not user then return 0 end
local safe = user:gsub("[^%w%-_.]", "_")

local function read_state()
  local f = io.open(state_dir .. safe, "r")
  if not f then return 0, 0 end
  local failures, untl = f:read("n", "n")
  f:close()
  return failures or 0, untl or 0
end
local function write_state(failures, untl)
  local f = io.open(state_dir .. safe, "w")
  if f then f:write(failures, " ", untl, "\n") f:close() end
end

local function matches()
  local f = io.open(users_file, "r")
  if not f then return false end
  for line in f:lines() do
    local u, p = line:match("^([^:]*):(.*)$")
    if u == user and p == password then f:close() return true end
  end
  f:close()
  return false
end

local now = os.time()
local failures, untl = read_state()
local function fail()
  failures = failures + 1
  if failures >= 5 then untl = now + 60 * 2 ^ math.min(failures - 5, 10) end
  write_state(failures, untl)
end
if untl > now then
  fail()
  return 429
end
if matches() then
  write_state(0, 0)
else
  fail()
end
return 0
