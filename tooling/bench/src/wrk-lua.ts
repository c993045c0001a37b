/** Lua for wrk scripts: `randomId(length)`, a visitor ID of that many characters the server takes. */
export const luaRandomId = `
local chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
local function randomId(length)
  local id = {}
  for i = 1, length do local n = math.random(1, 64); id[i] = chars:sub(n, n) end
  return table.concat(id)
end`;
