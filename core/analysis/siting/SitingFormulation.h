#pragma once
// SitingFormulation: writes a siting model as a linear program (columns, rows, objective)
// for SitingMilp to hand to CBC — one y column per new candidate (existing facilities are
// constants), coverage rows merged over demand units that the same candidates reach,
// assignment columns x for p-median and the capacitated variants. Pure data; any thread.
#include "analysis/siting/SitingProblem.h"

#include <limits>
#include <span>
#include <vector>

namespace refuge::detail {

struct LpModel {
    static constexpr double kInf = std::numeric_limits<double>::max();
    bool maximise = false;
    double offset = 0;               // objective constant (population covered by existing sites...)
    std::vector<double> colLower, colUpper, objective;
    std::vector<char> integer;
    std::vector<int> rowStart{0}, rowCols;
    std::vector<double> rowValues, rowLower, rowUpper;
    std::vector<int> yColumn;        // per candidate: its y column, -1 for existing ones
    struct Assign { int demand, candidate, column; };
    std::vector<Assign> assignments; // x columns (p-median, capacitated)

    int addColumn(double lower, double upper, double cost, bool isInteger);
    void addRow(std::span<const int> cols, std::span<const double> values, double lower, double upper);
    int columnCount() const { return int(objective.size()); }
    int rowCount() const { return int(rowLower.size()); }
};

struct FormulationOptions {
    int k = 0;                        // new sites (ignored by LSCP)
    double radius = LpModel::kInf;    // LSCP: only costs ≤ radius cover (p-center's steps)
    std::span<const char> fixOpen;    // non-empty: every y fixed to it (capacitated evaluation)
    bool relax = false;               // no integer columns
};

LpModel formulate(const SitingProblem &problem, SitingModel model, const FormulationOptions &options);

} // namespace refuge::detail
