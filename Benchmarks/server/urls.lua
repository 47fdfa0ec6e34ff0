-- wrk script: each request takes the next path of a file, each thread its
-- own share (thread i takes lines i, i + threads, ...), so that no path is
-- asked twice until the file runs out.
--   wrk -t2 ... -s urls.lua URL -- FILE THREADS
local next_id = 1

function setup(thread)
    thread:set("id", next_id)
    next_id = next_id + 1
end

function init(args)
    paths = {}
    for line in io.lines(args[1]) do paths[#paths + 1] = line end
    step = tonumber(args[2]) or 2
    index = id
end

function request()
    local path = paths[index]
    index = index + step
    if index > #paths then index = (index - 1) % #paths + 1 end
    return wrk.format(nil, path)
end
