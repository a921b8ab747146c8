#pragma once
// Assignment: who goes to which shelter, given capacities. Every demand unit may only
// use facilities within the limit (CoverageCosts::within) that have room.
//  - Nearest: units are served in order of their cost to the nearest facility
//    (closest first, ties by row); each goes to its nearest facility with room and
//    overflows to the next nearest; a unit may be split between facilities.
//  - Optimal: a min-cost max-flow (successive shortest paths with potentials on the
//    bipartite demand → facility graph): the most people assigned, and among those
//    assignments the least total person-cost (person-metres or person-seconds).
// Unassigned people are split into "no facility in reach" and "facilities full".
// Inputs by value/const; synchronous; polls Feedback; any thread.
#include "analysis/CoverageCosts.h"

#include <QString>
#include <vector>

namespace refuge {

class Feedback;

enum class AssignmentMethod { Nearest, Optimal };
QString assignmentMethodName(AssignmentMethod m); // "nearest" / "optimal"
// Throws InvalidInput for anything else.
AssignmentMethod assignmentMethodFromName(const QString &name);

struct AssignmentFlow {
    int demand = -1;
    int facility = -1;
    double persons = 0;
    float cost = 0;
};

struct AssignmentResult {
    AssignmentMethod method = AssignmentMethod::Nearest;
    std::vector<AssignmentFlow> flows;     // sorted by demand, then cost
    std::vector<double> demandAssigned;    // per demand unit
    std::vector<int> demandFacility;       // facility taking most of the unit (-1)
    std::vector<double> facilityAssigned;  // per facility
    double assigned = 0;
    double unassignedNoReach = 0;          // no facility within the limit
    double unassignedFull = 0;             // facilities in reach, but full
    double personCost = 0;                 // Σ persons × cost
    double unassigned() const { return unassignedNoReach + unassignedFull; }
};

class Assignment {
public:
    // population[i] ≥ 0 per demand unit; capacity[f] in persons (NaN or < 0 count as 0).
    static AssignmentResult run(AssignmentMethod method, const std::vector<double> &population, const CoverageCosts &costs,
                                const std::vector<double> &capacity, Feedback &feedback);
    static AssignmentResult nearestFirst(const std::vector<double> &population, const CoverageCosts &costs,
                                         const std::vector<double> &capacity, Feedback &feedback);
    static AssignmentResult optimal(const std::vector<double> &population, const CoverageCosts &costs,
                                    const std::vector<double> &capacity, Feedback &feedback);
};

} // namespace refuge
