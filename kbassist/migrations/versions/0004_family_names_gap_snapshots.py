"""family names a manager gives, and the precomputed gaps snapshot

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("families") as batch:
        batch.add_column(sa.Column("name", sa.Text(), nullable=True))
        batch.add_column(sa.Column("named_by", sa.Text(), nullable=True))
        batch.add_column(sa.Column("named_at", sa.DateTime(), nullable=True))
    op.create_table(
        "gap_snapshots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("data", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gap_snapshots")),
    )


def downgrade() -> None:
    op.drop_table("gap_snapshots")
    with op.batch_alter_table("families") as batch:
        batch.drop_column("named_at")
        batch.drop_column("named_by")
        batch.drop_column("name")
