-- Each request comes from its own visitor address (X-Forwarded-For, trusted behind a proxy), as
-- page views of many visitors do: the per-address HTTP limit stays on and is not what is measured.
local counter = 0
request = function()
  counter = counter + 1
  local id = counter * 7 + math.random(0, 6)
  local ip = string.format("10.%d.%d.%d", math.floor(id / 65536) % 256, math.floor(id / 256) % 256, id % 256)
  return wrk.format("GET", nil, { ["X-Forwarded-For"] = ip, ["Origin"] = "https://shop.bench.example" })
end
