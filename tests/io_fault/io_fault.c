/* An LD_PRELOAD shim that makes one write, sync or rename of the index fail, as SQLite's
 * tests do: the Nth call of one kind on a file under $VERBATIM_FAULT_DIR returns -1 with
 * errno EIO (or ENOSPC). Counted calls:
 *   write  : write, pwrite, pwrite64, writev
 *   fsync  : fsync, fdatasync
 *   rename : rename, renameat, renameat2
 * Environment:
 *   VERBATIM_FAULT_DIR    absolute folder; only calls on files under it count
 *   VERBATIM_FAULT_OP     write | fsync | rename (empty: count only, fail nothing)
 *   VERBATIM_FAULT_N      the call that fails (1-based); later calls succeed
 *   VERBATIM_FAULT_ERRNO  EIO (default) | ENOSPC
 *   VERBATIM_FAULT_COUNTS a file that gets "write W fsync F rename R" at exit
 * Test-only: built by tests/CMakeLists.txt, never installed. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

enum { OP_WRITE, OP_FSYNC, OP_RENAME, OP_COUNT };
static const char* const op_names[OP_COUNT] = {"write", "fsync", "rename"};

static char fault_dir[PATH_MAX];
static size_t fault_dir_len;
static int fault_op = -1;
static long fault_n;
static int fault_errno = EIO;
static const char* counts_file;
static long counts[OP_COUNT];

__attribute__((constructor)) static void io_fault_init(void) {
    const char* dir = getenv("VERBATIM_FAULT_DIR");
    if (dir && *dir && strlen(dir) < sizeof fault_dir) {
        strcpy(fault_dir, dir);
        fault_dir_len = strlen(fault_dir);
        while (fault_dir_len > 1 && fault_dir[fault_dir_len - 1] == '/') fault_dir[--fault_dir_len] = '\0';
    }
    const char* op = getenv("VERBATIM_FAULT_OP");
    for (int i = 0; op && i < OP_COUNT; ++i)
        if (strcmp(op, op_names[i]) == 0) fault_op = i;
    const char* n = getenv("VERBATIM_FAULT_N");
    fault_n = n ? atol(n) : 0;
    const char* e = getenv("VERBATIM_FAULT_ERRNO");
    if (e && strcmp(e, "ENOSPC") == 0) fault_errno = ENOSPC;
    counts_file = getenv("VERBATIM_FAULT_COUNTS");
}

__attribute__((destructor)) static void io_fault_report(void) {
    if (!counts_file) return;
    FILE* f = fopen(counts_file, "w");
    if (!f) return;
    fprintf(f, "write %ld fsync %ld rename %ld\n", counts[OP_WRITE], counts[OP_FSYNC], counts[OP_RENAME]);
    fclose(f);
}

static int under_dir(const char* path) {
    return fault_dir_len > 0 && strncmp(path, fault_dir, fault_dir_len) == 0 &&
           (path[fault_dir_len] == '/' || path[fault_dir_len] == '\0');
}

static int fd_under_dir(int fd) {
    if (fault_dir_len == 0) return 0;
    char link[64], target[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n <= 0) return 0;
    target[n] = '\0';
    return under_dir(target);
}

static int path_under_dir(int dirfd, const char* path) {
    if (!path) return 0;
    if (path[0] == '/') return under_dir(path);
    char base[PATH_MAX];
    if (dirfd == AT_FDCWD) {
        if (!getcwd(base, sizeof base)) return 0;
    } else {
        char link[64];
        snprintf(link, sizeof link, "/proc/self/fd/%d", dirfd);
        ssize_t n = readlink(link, base, sizeof base - 1);
        if (n <= 0) return 0;
        base[n] = '\0';
    }
    char full[PATH_MAX * 2];
    snprintf(full, sizeof full, "%s/%s", base, path);
    return under_dir(full);
}

/* True when this call is the one to fail (counted only for files under the folder). */
static int should_fail(int op) {
    long n = __atomic_add_fetch(&counts[op], 1, __ATOMIC_SEQ_CST);
    if (op == fault_op && n == fault_n) {
        errno = fault_errno;
        return 1;
    }
    return 0;
}

#define NEXT(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

ssize_t write(int fd, const void* buf, size_t count) {
    if (fd > 2 && fd_under_dir(fd) && should_fail(OP_WRITE)) return -1;
    return NEXT(write)(fd, buf, count);
}
ssize_t pwrite(int fd, const void* buf, size_t count, off_t offset) {
    if (fd_under_dir(fd) && should_fail(OP_WRITE)) return -1;
    return NEXT(pwrite)(fd, buf, count, offset);
}
ssize_t pwrite64(int fd, const void* buf, size_t count, off64_t offset) {
    if (fd_under_dir(fd) && should_fail(OP_WRITE)) return -1;
    return NEXT(pwrite64)(fd, buf, count, offset);
}
ssize_t writev(int fd, const struct iovec* iov, int iovcnt) {
    if (fd > 2 && fd_under_dir(fd) && should_fail(OP_WRITE)) return -1;
    return NEXT(writev)(fd, iov, iovcnt);
}
int fsync(int fd) {
    if (fd_under_dir(fd) && should_fail(OP_FSYNC)) return -1;
    return NEXT(fsync)(fd);
}
int fdatasync(int fd) {
    if (fd_under_dir(fd) && should_fail(OP_FSYNC)) return -1;
    return NEXT(fdatasync)(fd);
}
int rename(const char* from, const char* to) {
    if ((path_under_dir(AT_FDCWD, from) || path_under_dir(AT_FDCWD, to)) && should_fail(OP_RENAME)) return -1;
    return NEXT(rename)(from, to);
}
int renameat(int fromfd, const char* from, int tofd, const char* to) {
    if ((path_under_dir(fromfd, from) || path_under_dir(tofd, to)) && should_fail(OP_RENAME)) return -1;
    return NEXT(renameat)(fromfd, from, tofd, to);
}
int renameat2(int fromfd, const char* from, int tofd, const char* to, unsigned int flags) {
    if ((path_under_dir(fromfd, from) || path_under_dir(tofd, to)) && should_fail(OP_RENAME)) return -1;
    return NEXT(renameat2)(fromfd, from, tofd, to, flags);
}
