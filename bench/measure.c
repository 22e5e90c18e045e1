/* measure.c - run a command, print its wall time and peak resident memory.
 *
 * Usage: measure LABEL COMMAND [ARGS...]
 * Prints on stderr "LABEL  wall 1.234 s  peak 12.3 MiB" from wait4()'s rusage, so the
 * figure is the child's own peak, not the shell's. Exit status is the
 * child's. */
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct timespec t0, t1;
	struct rusage ru;
	int status;
	pid_t pid;

	if (argc < 3) {
		fprintf(stderr, "usage: measure LABEL COMMAND [ARGS...]\n");
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	if (pid < 0 || wait4(pid, &status, 0, &ru) < 0) {
		perror("measure");
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	fprintf(stderr, "%-28s wall %8.3f s   peak %8.1f MiB\n", argv[1],
		(double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
		(double)ru.ru_maxrss / 1024.0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
