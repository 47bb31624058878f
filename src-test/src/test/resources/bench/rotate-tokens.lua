-- wrk script of the HTTP benchmark: each request carries the next token of the file given after "--",
-- one token a line; each wrk thread starts at a random offset, so the threads do not walk the file in step.
math.randomseed(os.time())

function setup(thread)
  thread:set("offset", math.random(0, 1000000))
end

local headers = {}
local index = 0

function init(args)
  for line in io.lines(args[1]) do
    headers[#headers + 1] = "Bearer " .. line
  end
  index = (offset or 0) % #headers
end

function request()
  index = index % #headers + 1
  wrk.headers["Authorization"] = headers[index]
  return wrk.format()
end
