//! The closed lists of the domain (zones, kinds, statuses…), stored in the database as the short
//! strings given here and shown to visitors through Fluent (`<list>-<value>` message ids).

use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};

/// A value that is not in the list it was parsed for.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("'{value}' is not a known {list}")]
pub struct UnknownValue {
    pub list: &'static str,
    pub value: String,
}

macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident ($list:literal) { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            /// Every value, in the order lists show them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The list's name, also the prefix of its Fluent message ids.
            pub const LIST: &'static str = $list;

            /// The value as stored and as written in URLs.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            /// The Fluent message id of this value's label.
            pub fn message_id(self) -> String {
                format!("{}-{}", $list, self.as_str().replace('_', "-"))
            }
        }

        impl FromStr for $name {
            type Err = UnknownValue;

            fn from_str(value: &str) -> Result<Self, Self::Err> {
                match value {
                    $($text => Ok($name::$variant),)+
                    _ => Err(UnknownValue { list: $list, value: value.to_owned() }),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// The unit areas are shown in, chosen by the reader.
    AreaUnit ("unit") { M2 = "m2", Ha = "ha", Mu = "mu", Pyeong = "pyeong" }
}

vocabulary! {
    /// The currency sums are shown in, chosen by the reader: US dollars as entered, or another
    /// currency at the rate staff set (ISO 4217 codes, in lower case).
    Currency ("currency") {
        Usd = "usd", Cny = "cny", Krw = "krw", Aed = "aed", Eur = "eur", Kzt = "kzt", Uzs = "uzs",
    }
}

vocabulary! {
    /// What a staff member may do.
    Role ("role") { Admin = "admin", Editor = "editor", Desk = "desk" }
}

vocabulary! {
    /// The side of the border a site lies on.
    Side ("side") { Kz = "kz", Uz = "uz" }
}

vocabulary! {
    /// Where an opportunity can be built.
    OpportunitySide ("opportunity-side") { Kz = "kz", Uz = "uz", Both = "both" }
}

vocabulary! {
    /// The legal regime that applies on a site.
    Regime ("regime") {
        IcicSpecial = "icic_special",
        CustomsBonded = "customs_bonded",
        National = "national",
    }
}

vocabulary! {
    /// The functional zones of the center.
    Zone ("zone") {
        Warehousing = "warehousing",
        CustomsBonded = "customs_bonded",
        Service = "service",
        LightIndustry = "light_industry",
        MechanicalEngineering = "mechanical_engineering",
        FoodAgro = "food_agro",
        BuildingMaterials = "building_materials",
    }
}

vocabulary! {
    /// What a site is.
    SiteKind ("site-kind") {
        LandPlot = "land_plot",
        ProductionBuilding = "production_building",
        Warehouse = "warehouse",
        OfficeService = "office_service",
        BondedStorage = "bonded_storage",
    }
}

vocabulary! {
    /// Lease or sale.
    Tenure ("tenure") { Lease = "lease", Sale = "sale" }
}

vocabulary! {
    /// Whether a site can be taken.
    Availability ("availability") {
        Available = "available",
        Reserved = "reserved",
        Occupied = "occupied",
    }
}

vocabulary! {
    /// Where a listing is in its workflow; only `Published` listings are public.
    PublicationStatus ("publication") {
        Draft = "draft",
        InReview = "in_review",
        Published = "published",
        Archived = "archived",
    }
}

vocabulary! {
    /// The sector of an investment opportunity.
    Sector ("sector") {
        AgroProcessing = "agro_processing",
        BuildingMaterials = "building_materials",
        ChemicalsPlastics = "chemicals_plastics",
        ElectricalEquipment = "electrical_equipment",
        FoodProcessing = "food_processing",
        IrrigationEquipment = "irrigation_equipment",
        Logistics = "logistics",
        Machinery = "machinery",
        Packaging = "packaging",
        Pharmaceuticals = "pharmaceuticals",
        TextilesApparel = "textiles_apparel",
        AutomotiveComponents = "automotive_components",
    }
}

vocabulary! {
    /// How far an opportunity has come.
    Stage ("stage") {
        Concept = "concept",
        FeasibilityDone = "feasibility_done",
        ReadyToBuild = "ready_to_build",
        Operating = "operating",
    }
}

vocabulary! {
    /// The kind of partner an opportunity seeks.
    Partnership ("partnership") {
        JointVenture = "joint_venture",
        Greenfield = "greenfield",
        Acquisition = "acquisition",
        ContractManufacturing = "contract_manufacturing",
        Offtake = "offtake",
    }
}

vocabulary! {
    /// Where an expression of interest is.
    InquiryStatus ("inquiry-status") {
        New = "new",
        Assigned = "assigned",
        Answered = "answered",
        Closed = "closed",
    }
}

vocabulary! {
    /// What kind of investor writes an expression of interest.
    InvestorType ("investor-type") {
        Manufacturer = "manufacturer",
        Trader = "trader",
        Logistics = "logistics",
        Developer = "developer",
        Fund = "fund",
        Public = "public",
        Other = "other",
    }
}

vocabulary! {
    /// The size of the investment an investor plans, in US dollars.
    InvestmentRange ("investment-range") {
        Under1m = "under-1m",
        From1mTo5m = "1m-5m",
        From5mTo20m = "5m-20m",
        From20mTo100m = "20m-100m",
        Over100m = "over-100m",
        Undecided = "undecided",
    }
}

vocabulary! {
    /// How an investor heard of the center.
    HeardFrom ("heard-from") {
        Search = "search",
        Exhibition = "exhibition",
        Embassy = "embassy",
        Colleague = "colleague",
        Media = "media",
        Social = "social",
        Other = "other",
    }
}

vocabulary! {
    /// Where an email of the outbox is.
    OutboxStatus ("outbox-status") {
        Pending = "pending",
        Sending = "sending",
        Sent = "sent",
        Failed = "failed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip_through_their_text() {
        for zone in Zone::ALL {
            assert_eq!(zone.as_str().parse::<Zone>(), Ok(*zone));
        }
        assert_eq!(
            "warehouse".parse::<Zone>(),
            Err(UnknownValue { list: "zone", value: "warehouse".into() })
        );
    }

    #[test]
    fn message_ids_are_kebab_case_and_prefixed_by_the_list() {
        assert_eq!(SiteKind::LandPlot.message_id(), "site-kind-land-plot");
        assert_eq!(Regime::IcicSpecial.message_id(), "regime-icic-special");
    }

    #[test]
    fn serde_uses_the_stored_text() {
        assert_eq!(
            serde_json::to_string(&Stage::FeasibilityDone).expect("serialises"),
            "\"feasibility_done\""
        );
    }
}
