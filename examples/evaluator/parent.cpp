// The parent of a trial: builds the evaluator, sends its trace to a child process (as NNI sends
// an evaluator to a trial worker), and checks that the child, having re-created the objects from
// the payload alone, reports what the parent computes on its own objects.
//
// Usage: evaluator_parent [path/to/evaluator_child]   (default: next to this program)

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <nni/trace.h>

#include "models.h"

extern char** environ;

namespace {

std::runtime_error sys_error(const std::string& what) {
  return std::runtime_error(what + ": " + std::strerror(errno));
}

struct ChildResult {
  int status = 0;
  std::string out;
};

// Runs `program` with `input` on its stdin and returns what it wrote on stdout.
ChildResult run_child(const std::string& program, const std::string& input) {
  int in[2];   // parent writes in[1], child reads in[0] as stdin
  int out[2];  // child writes out[1] as stdout, parent reads out[0]
  if (pipe2(in, O_CLOEXEC) != 0) throw sys_error("pipe");
  if (pipe2(out, O_CLOEXEC) != 0) throw sys_error("pipe");

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // dup2 clears close-on-exec on the child's 0 and 1; every other pipe end closes at exec.
  posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  std::vector<char*> argv = {const_cast<char*>(program.c_str()), nullptr};
  pid_t pid = 0;
  int rc = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(in[0]);
  close(out[1]);
  if (rc != 0) {
    close(in[1]);
    close(out[0]);
    errno = rc;
    throw sys_error("cannot start " + program);
  }

  // The child reads all of its input before it writes, so writing first cannot deadlock.
  bool write_failed = false;
  for (std::size_t done = 0; done < input.size();) {
    ssize_t n = write(in[1], input.data() + done, input.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {  // EPIPE: the child exited early; its status says why
      write_failed = true;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  close(in[1]);

  ChildResult result;
  char buf[4096];
  for (;;) {
    ssize_t n = read(out[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    result.out.append(buf, static_cast<std::size_t>(n));
  }
  close(out[0]);
  while (waitpid(pid, &result.status, 0) < 0) {
    if (errno != EINTR) throw sys_error("waitpid");
  }
  if (write_failed && WIFEXITED(result.status) && WEXITSTATUS(result.status) == 0) {
    throw std::runtime_error("could not write the payload to the child");
  }
  return result;
}

std::string child_path(int argc, char** argv) {
  if (argc > 1) return argv[1];
  namespace fs = std::filesystem;
  fs::path self = fs::read_symlink("/proc/self/exe");
  return (self.parent_path() / "evaluator_child").string();
}

}  // namespace

int main(int argc, char** argv) {
  signal(SIGPIPE, SIG_IGN);  // a child that dies early must not kill the parent
  try {
    auto norm =
        nni::make<demo::Normalize>(std::vector<double>{0.1307}, std::vector<double>{0.3081});
    auto tf = nni::make<demo::Compose>(std::vector<std::shared_ptr<demo::Transform>>{norm});
    auto ds = nni::make<demo::MNIST>("data/mnist", false, true, tf);
    auto dl = nni::make<demo::DataLoader>(ds, 100);

    // A traced factory call is a trace too: its payload re-runs the factory.
    auto ds2 = nni::call<&demo::create_mnist_dataset>("data/mnist", tf);
    auto ds2_back = nni::load<demo::MNIST>(nni::dump(ds2));
    if (ds2_back->size() != ds2->size() || ds2_back->pixel(7) != ds2->pixel(7)) {
      std::cerr << "evaluator_parent: the factory's trace did not re-create the same dataset\n";
      return 1;
    }

    const std::string payload = nni::dump(dl);
    const std::string expected = demo::evaluate(*dl);
    std::cout << "payload: " << payload << "\n";
    std::cout << "parent:  " << expected << "\n";

    const std::string program = child_path(argc, argv);
    ChildResult child = run_child(program, payload);
    if (!WIFEXITED(child.status) || WEXITSTATUS(child.status) != 0) {
      std::cerr << "evaluator_parent: " << program << " failed (wait status " << child.status
                << ")\n";
      return 1;
    }

    // The child writes two lines: its result, then its own dump of the loaded object.
    std::size_t eol = child.out.find('\n');
    std::string result = child.out.substr(0, eol);
    std::string redump;
    if (eol != std::string::npos) {
      redump = child.out.substr(eol + 1);
      if (!redump.empty() && redump.back() == '\n') redump.pop_back();
    }
    std::cout << "child:   " << result << "\n";
    if (result != expected) {
      std::cerr << "evaluator_parent: MISMATCH: the child computed something else\n";
      return 1;
    }
    if (redump != payload) {
      std::cerr << "evaluator_parent: MISMATCH: the child's dump differs from the payload sent\n"
                << "  sent:     " << payload << "\n  received: " << redump << "\n";
      return 1;
    }
    std::cout << "OK: the child re-created the evaluator from its trace and got the same result\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "evaluator_parent: " << e.what() << "\n";
    return 2;
  }
}
