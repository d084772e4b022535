"""Runs a command on a fresh pty, waits until `marker` appears on its screen, then either
closes the pty's master side (ACTION `hangup`: what an ssh drop or tmux kill-session does)
or sends it a signal (ACTION `SIGTERM`, ...), and prints one JSON line: how the command
ended and what it wrote after the action. Usage:
pty-run.py MARKER TIMEOUT_S STDERR_FILE ACTION -- COMMAND..."""
import json, os, pty, select, signal, sys, time

marker, timeout, stderr_file, action = sys.argv[1].encode(), float(sys.argv[2]), sys.argv[3], sys.argv[4]
command = sys.argv[sys.argv.index('--') + 1:]
pid, master = pty.fork()
if pid == 0:
    fd = os.open(stderr_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(fd, 2)
    os.execvp(command[0], command)
seen, deadline = b'', time.time() + timeout
while marker not in seen and time.time() < deadline:
    ready, _, _ = select.select([master], [], [], 0.1)
    if ready:
        try:
            seen += os.read(master, 65536)
        except OSError:
            break
found = marker in seen
after = b''
if action == 'hangup':
    os.close(master)
else:
    os.kill(pid, getattr(signal, action))
deadline = time.time() + timeout
status = None
while time.time() < deadline:
    if action != 'hangup':
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                after += os.read(master, 65536)
            except OSError:
                pass
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        break
    time.sleep(0.05)
else:
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    status = None
result = {'markerSeen': found, 'exited': status is not None, 'after': after.decode('latin1')}
if status is not None:
    result['signal'] = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    result['code'] = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
    result['core'] = bool(os.WIFSIGNALED(status) and os.WCOREDUMP(status))
print(json.dumps(result))
