"""The casework worklist: every duty owed on the cases a member of staff owns, soonest first."""
