-- Requests the paths listed in a file (wrk ... -- <file> [METHOD]) in turn, each thread
-- starting at a different line, to measure cache misses or spread writes over many rows.
local paths = {}
local i = 0
local method = nil

init = function(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  method = args[2]
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
  i = math.random(#paths)
end

request = function()
  i = i % #paths + 1
  return wrk.format(method, paths[i])
end
