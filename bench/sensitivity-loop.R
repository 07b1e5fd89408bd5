# R loop reference for bench/sensitivity.bench.ts (base R only, no COINr): the same uncertainty and
# sensitivity analysis as `nqpf sensitivity` on the same data, written the way an R user would loop
# over the choices: every run renormalises, reweights, aggregates and ranks every system.
#
#   Rscript bench/sensitivity-loop.R panel.csv indicators.csv design.csv year out.json
#
# panel.csv: entity, period and the indicator columns (complete). indicators.csv: system, dimension,
# id, column, direction. design.csv: one row per run with the level of each discrete factor
# (weights 1 = entropy / 2 = equal, normalize 1 = minmax-shift / 2 = minmax-range, aggregate
# 1 = arithmetic / 2 = geometric, drop = 0 (none) or the position of the indicator left out, per
# system) and the weight multipliers u1..uK (all indicators of all systems, framework order).
args <- commandArgs(TRUE)
d <- read.csv(args[1], check.names = FALSE)
ind <- read.csv(args[2], stringsAsFactors = FALSE)
des <- as.matrix(read.csv(args[3]))
year <- as.numeric(args[4])
systems <- unique(ind$system)
inyear <- d[[2]] == year

normalise <- function(x, dir, method) {
  m <- if (dir == "+") (x - min(x)) / (max(x) - min(x)) else (max(x) - x) / (max(x) - min(x))
  if (method == 1) m + 1e-4 else 0.01 + 0.98 * m
}
entropy_w <- function(X) {
  e <- apply(X, 2, function(x) { p <- x / sum(x); p <- p[p > 0]; -sum(p * log(p)) / log(length(x)) })
  (1 - e) / sum(1 - e)
}
one_run <- function(row, multipliers) {
  sapply(seq_along(systems), function(s) {
    I <- ind[ind$system == systems[s], ]
    drop <- row[[paste0("drop", s)]]
    u <- multipliers[ind$system == systems[s]]
    keep <- if (drop > 0) seq_len(nrow(I))[-drop] else seq_len(nrow(I))
    X <- sapply(keep, function(j) normalise(d[[I$column[j]]], I$direction[j], row[["normalize"]]))
    w <- if (row[["weights"]] == 1) entropy_w(X) else rep(1 / length(keep), length(keep))
    if (!is.null(u)) { w <- w * u[keep]; w <- w / sum(w) }
    Xy <- X[inyear, , drop = FALSE]
    score <- if (row[["aggregate"]] == 1) as.vector(Xy %*% w) / sum(w) else exp(as.vector(log(Xy) %*% w) / sum(w))
    rank(-score, ties.method = "min")
  }, simplify = FALSE)
}
ucols <- grep("^u", colnames(des))
t0 <- proc.time()
nominal <- one_run(c(weights = 1, normalize = 1, aggregate = 1, setNames(rep(0, length(systems)), paste0("drop", seq_along(systems)))), NULL)
ranks <- vector("list", nrow(des))
for (r in seq_len(nrow(des))) {
  row <- des[r, ]
  ranks[[r]] <- one_run(row, 0.8 + 0.4 * row[ucols])
}
# Output: mean absolute rank shift per run and system; Saltelli/Jansen indices are a few vector sums.
y <- sapply(seq_along(systems), function(s) sapply(ranks, function(rk) mean(abs(rk[[s]] - nominal[[s]]))))
t1 <- proc.time()
el <- t1[["elapsed"]] - t0[["elapsed"]]
cpu <- (t1[["user.self"]] + t1[["sys.self"]]) - (t0[["user.self"]] + t0[["sys.self"]])
nom <- paste(sapply(seq_along(systems), function(s) paste0('"', systems[s], '":[', paste(nominal[[s]], collapse = ","), "]")), collapse = ",")
writeLines(sprintf('{"R":"%s.%s","runs":%d,"elapsed":%.3f,"cpu":%.3f,"nominal":{%s},"meanShift":[%s]}', R.version$major, R.version$minor, nrow(des), el, cpu, nom,
                   paste(sprintf("%.10g", colMeans(y)), collapse = ",")), args[5])
